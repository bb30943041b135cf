# UI strings of the default theme (English).
skip-to-content = Skip to main content
language-switcher = Choose a language
pillars-nav = Topics
breadcrumbs = You are here
feed = What's new (Atom)
questions-in-explainer = Questions in this explainer
questions-count = { $count ->
    [one] { $count } question
   *[other] { $count } questions
}
updated-on = Updated on { $date }
for-audiences = For:
not-translated = This page has not been translated into English yet. The text below is in { $language }.
not-translated-short = not yet translated
link-to-question = Link to this question
more-explainers = More on this topic
explainers-heading = Explainers
all-explainers-link = All { $count } explainers on this topic
all-questions = All questions
audience-intro = Explainers for: { $audience }.
not-found-title = Page not found
not-found-text = The page you are looking for does not exist or has moved. Go to the home page:
qr-title = QR code of this page
qr-help = Print this code on a poster at the cultural house or the one-stop office: people scan it with their phone to open this page.
qr-alt = QR code leading to the page “{ $title }”
booklet-link = Printable booklet
booklet-intro = Every explainer on one page, to print as a handout. Each explainer has a QR code leading to its online version.
booklet-contents = Contents
search-label = Search the questions
    .placeholder = For example: register a business
search-button = Search
search-none = No question found.
search-found = Questions found: %n.
pages-nav = Pages of this list
page-previous = Previous
page-next = Next
page-number = Page { $number }
page-title = { $title }, page { $number } of { $total }
