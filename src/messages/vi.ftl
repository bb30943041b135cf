# Lời của chương trình loa, bằng tiếng Việt. Mọi thông điệp ở đây phải có trong en.ftl.

label-error = lỗi
label-warning = cảnh báo
label-note = ghi chú
did-you-mean = (có phải ý bạn là `{ $suggestion }`?)

## Lỗi trong dữ liệu của trang
unreadable = không đọc được tệp này: { $reason }
not-utf8 = tệp này không phải văn bản UTF-8 (byte 0x{ $byte }); hãy lưu lại tệp dưới dạng UTF-8 trong trình soạn thảo
missing-config = không có tệp site.yaml; hãy tạo tệp này, hoặc dùng --source để chỉ thư mục của trang
config-yaml = site.yaml không hợp lệ: { $detail }
config-unknown-key = site.yaml có thiết lập lạ `{ $key }`{ $hint }
no-languages = `languages` phải có ít nhất một ngôn ngữ
bad-language-code = `{ $code }` không phải mã ngôn ngữ như vi, en hay km
duplicate-language = ngôn ngữ `{ $code }` bị liệt kê hai lần
unknown-fallback = ngôn ngữ dự phòng `{ $fallback }` của `{ $language }` không có trong `languages`
default-language-not-listed = default_language `{ $code }` không thuộc các ngôn ngữ đã khai báo ({ $listed })
no-site-title = `title` cần có tiêu đề bằng ít nhất một ngôn ngữ
bad-base-url = `{ $url }` không phải một địa chỉ như https://example.gov.vn/chuyen-doi-so/
duplicate-id = `{ $id }` được dùng hai lần làm mã chủ đề hoặc đối tượng
no-pillars = `pillars` phải có ít nhất một chủ đề
audience-path-clash = `audience_path` phải khác mọi mã ngôn ngữ và mã chủ đề
front-matter-yaml = phần đầu trang (front matter) không đúng cú pháp YAML: { $detail }
front-matter-unclosed = phần đầu trang mở bằng `---` nhưng không đóng lại; hãy thêm một dòng `---` sau nó
front-matter-not-mapping = phần đầu trang phải gồm các dòng `khóa: giá trị`
front-matter-unknown-key = phần đầu trang có khóa lạ `{ $key }`{ $hint }
missing-title = phần đầu trang thiếu `title` (tiêu đề)
bad-date = `{ $field }` phải là ngày viết theo dạng NĂM-THÁNG-NGÀY (YYYY-MM-DD), không phải `{ $value }`
unknown-audience = không có đối tượng `{ $name }`{ $hint }; các đối tượng được khai báo trong site.yaml
unknown-pillar = thư mục `{ $name }` không phải chủ đề khai báo trong site.yaml{ $hint }
unknown-language = thư mục `{ $code }` không phải ngôn ngữ khai báo trong site.yaml
misplaced-file = bài hỏi đáp phải nằm trong thư mục chủ đề: content/<ngôn ngữ>/<chủ đề>/<tên>.md
bad-slug = đường dẫn `{ $slug }` chỉ được gồm chữ, số, `-` và `_`
duplicate-url = hai trang sẽ được ghi vào cùng địa chỉ `{ $url }`; trang kia là { $other }
broken-link = liên kết tới `{ $target }`, nhưng tệp này không tồn tại
broken-anchor = liên kết tới `{ $target }`: trang đó không có câu hỏi hay tiêu đề `#{ $anchor }`
template = lỗi mẫu trang (template): { $detail }
missing-template = giao diện thiếu mẫu trang `{ $name }`
theme-without-pager = không mẫu trang nào của giao diện hiển thị `pager` (chuyển trang), nên người đọc không xem được các bài của một chủ đề hay đối tượng sau { $per_page } bài đầu: thêm phần chuyển trang vào danh sách của giao diện (xem README) hoặc đặt `explainers_per_page: 0` trong site.yaml
unknown-theme = không tìm thấy giao diện `{ $name }`: không có thư mục themes/{ $name }/ và cũng không có giao diện dựng sẵn nào tên như vậy
fluent-syntax = lỗi cú pháp Fluent: { $detail }
missing-message = chuỗi giao diện `{ $key }` không có trong ngôn ngữ nào (hãy thêm vào locales/<ngôn ngữ>/*.ftl)
output = không ghi được kết quả: { $reason }

empty-explainer = bài này trống; hãy viết lời giới thiệu và ít nhất một câu hỏi (một dòng bắt đầu bằng `## `)
no-questions = bài này chưa có câu hỏi nào; mỗi câu hỏi là một dòng bắt đầu bằng `## `
duplicate-question-id = hai tiêu đề cùng mã `#{ $id }`; hãy đặt cho một tiêu đề mã `{"{"}#…{"}"}` khác
skipped-heading-level = tiêu đề cấp { $to } đứng ngay sau tiêu đề cấp { $from }; hãy dùng `{ $from ->
    [1] ##
    [2] ###
    [3] ####
   *[other] #####
}` ở đây, hoặc thêm cấp còn thiếu
absolute-self-link = liên kết tới chính địa chỉ của trang `{ $url }`; hãy liên kết tới tệp .md, để liên kết đúng ở mọi bản sao của trang
missing-image = không tìm thấy ảnh `{ $path }`; hãy đặt ảnh vào static/ và liên kết từ gốc trang
link-to-untranslated = liên kết tới `{ $target }`, bài này chưa được dịch sang `{ $language }`; người đọc sẽ thấy bản ngôn ngữ dự phòng
byte-order-mark = tệp bắt đầu bằng dấu BOM; vẫn được chấp nhận, nhưng một số công cụ hiện nó thành ký tự lạ
crlf-line-endings = tệp dùng kiểu xuống dòng của Windows (CRLF); vẫn được chấp nhận
symlink-outside = liên kết tượng trưng (symlink) trỏ ra ngoài trang, tới `{ $target }`; hãy chép tệp vào trong trang
broken-symlink = liên kết tượng trưng (symlink) không dẫn tới đâu hoặc lặp vòng; hãy xóa nó
translation-missing = chưa được dịch sang `{ $language }`
translation-stale = bản gốc `{ $source }` đã sửa sau khi dịch; hãy cập nhật bản dịch rồi chạy `loa translations --mark` cho tệp này
question-count-mismatch = ở đây có { $here } câu hỏi nhưng bản gốc `{ $source }` có { $there }
## Tiến trình và kết quả
built = Đã tạo { $pages } trang ({ $explainers } tệp bài hỏi đáp, { $languages } ngôn ngữ, { $fallbacks } trang chưa dịch) vào { $output } trong { $ms } ms
build-failed = Không tạo được trang: có { $errors } lỗi; bản trang trước đó vẫn được giữ nguyên.
ui-fallback = { $count } chuỗi giao diện chưa dịch sang `{ $language }`, đang hiển thị bằng `{ $used }`: { $keys }
init-done = Đã tạo trang mẫu gồm { $files } tệp trong { $dir }.
    Tiếp theo: cd { $dir } && loa build
init-failed = không tạo được trang mẫu: { $reason }

tr-language = { $language }: đã dịch { $translated }/{ $explainers } bài, { $translated_questions }/{ $questions } câu hỏi
tr-missing = chưa dịch: { $path }
tr-stale = đã cũ, bản gốc đã sửa sau khi dịch: { $path }
tr-unstamped = chưa đóng dấu translated_from, không biết còn mới không: { $path }
tr-draft = đang dịch (bản nháp), chưa đăng: { $path }
tr-mismatch = { $translation } có { $translation_questions } câu hỏi nhưng bản gốc { $source } có { $source_questions }
tr-marked = Đã đánh dấu { $path } là dịch từ bản gốc hiện tại ({ $hash }).
new-created = Đã tạo { $path }
new-exists = { $path } đã có; không ghi gì cả
new-bad-target = hãy viết bài mới theo dạng <ngôn ngữ>/<chủ đề>/<tên>, ví dụ vi/kinh-te-so/ban-hang-online

watch-ready = Đang theo dõi thay đổi trong { $dir }. Bấm Ctrl-C để dừng.
watch-pages = { $what }: { $pages } trang trong { $ms } ms
watch-full = { $what }: tạo lại toàn bộ trang, { $pages } trang trong { $ms } ms
watch-styles = { $what }: đã cập nhật tệp kiểu (CSS) trong { $ms } ms
watch-static = { $what }: đã chép tệp tĩnh trong { $ms } ms
watch-failed = { $what }: không tạo được trang; bản tốt gần nhất vẫn được giữ
watch-error = không theo dõi được thư mục trang: { $reason }
serve-port-taken = Cổng { $port } đang bận; thử cổng tiếp theo.
serve-url = Xem trước tại { $url } (và tại { $root })
serve-bind-failed = không mở được { $bind }:{ $port }: { $reason }
## Trợ giúp
help-about = Tạo trang web hỏi đáp nhiều ngôn ngữ từ các bài viết Markdown
help-lang = Ngôn ngữ thông báo của loa: vi hoặc en (mặc định: LOA_LANG, rồi LANG)
help-build = Tạo trang vào thư mục kết quả (public/ nếu site.yaml không nói khác)
help-source = Thư mục của trang (thư mục có site.yaml)
help-output = Nơi ghi trang, thay cho `output` trong site.yaml
help-base-url = Địa chỉ sẽ đăng trang, thay cho `base_url` trong site.yaml
help-portable = Ghi mọi liên kết nội bộ tới index.html cụ thể, để trang mở được từ USB qua file://
help-drafts = Tạo cả các bài có `draft: true` (bản nháp)
help-init = Tạo một trang mẫu trong thư mục mới
help-dir = Thư mục sẽ tạo
help-help = In trợ giúp
help-version = In phiên bản
help-usage = Cách dùng
help-commands = Lệnh
help-options = Tùy chọn
help-arguments = Tham số
help-translations = Xem những gì đã dịch, chưa dịch hoặc đã cũ ở mỗi ngôn ngữ
help-format = Dạng kết quả: text hoặc json
help-mark = Đánh dấu bản dịch này đã được đối chiếu với bản gốc hiện tại
help-new = Tạo bài hỏi đáp mới, hoặc khung của một bản dịch
help-target = <ngôn ngữ>/<chủ đề>/<tên> của bài mới, hoặc (với --translate) ngôn ngữ cần dịch sang
help-translate = Bài gốc (ngôn ngữ mặc định) cần dịch
help-watch = Tạo trang, rồi tạo lại mỗi khi một tệp của trang thay đổi
help-serve = Tạo trang, tạo lại khi có thay đổi, và xem trước trong trình duyệt, tự tải lại
help-port = Cổng để lắng nghe (cổng trống kế tiếp nếu cổng này bận)
help-bind = Địa chỉ để lắng nghe (chỉ máy này, nếu không chỉ định khác)
help-open = Mở bản xem trước trong trình duyệt
check-summary = { $errors } lỗi, { $warnings } cảnh báo, { $notes } ghi chú
check-clean = Không thấy vấn đề nào.
help-check = Kiểm tra toàn bộ trang mà không ghi ra: mọi lỗi khiến việc tạo trang dừng lại, và hơn thế
