# Override any message of the theme here, e.g.:
# feed = Bài mới
