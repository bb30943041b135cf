#!/usr/bin/env python3
"""Deterministic benchmark-site generator for loa (and an equivalent Hugo site).

    python3 bench/gen.py --explainers N --seed 1 --out DIR

writes two sites made from the same data:

    DIR/loa/   a loa site: site.yaml + content/<lang>/...
    DIR/hugo/  the same pages as a Hugo site: hugo.toml, content/<lang>/..., layouts/, static/

Three languages (vi default, en, km with fallback [vi]), four pillars, five audiences.
Every language has all N explainers; each explainer is ~12 KB of Markdown with 5-10
questions (`## Question? {#anchor}`), paragraphs, bullet and numbered lists, bold text and
1-3 links to other explainers of the same language (with anchors that exist).

Python 3.11 standard library only. The same arguments give byte-identical files: every
explainer gets its own `random.Random` seeded from (seed, index[, language]), so output
does not depend on iteration order.
"""

import argparse
import json
import os
import random
import re
import shutil
import sys
import unicodedata
from pathlib import Path

LANGS = ["vi", "en", "km"]
PILLARS = ["chuyen-doi-so", "chinh-quyen-so", "kinh-te-so", "xa-hoi-so"]
AUDIENCES = ["nguoi-dan", "doanh-nghiep", "can-bo-dang-vien", "hoc-sinh-sinh-vien", "nguoi-cao-tuoi"]
TARGET_BYTES = 11_400

SITE_TITLE = {
    "vi": "Hỏi đáp chuyển đổi số",
    "en": "Digital transformation questions and answers",
    "km": "សំណួរ និងចម្លើយអំពីការផ្លាស់ប្តូរឌីជីថល",
}
SITE_DESCRIPTION = {
    "vi": "Giải thích dễ hiểu về chuyển đổi số, xã hội số, chính quyền số và kinh tế số cho người dân, doanh nghiệp và cán bộ.",
    "en": "Plain-language answers about digital transformation, digital society, digital government and the digital economy.",
    "km": "ការពន្យល់ងាយយល់អំពីការផ្លាស់ប្តូរឌីជីថល សង្គមឌីជីថល រដ្ឋាភិបាលឌីជីថល និងសេដ្ឋកិច្ចឌីជីថល។",
}
LANG_META = {
    "vi": ("Tiếng Việt", "vi_VN"),
    "en": ("English", "en_US"),
    "km": ("ភាសាខ្មែរ", "km_KH"),
}
PILLAR_TITLE = {
    "chuyen-doi-so": {"vi": "Chuyển đổi số", "en": "Digital transformation", "km": "ការផ្លាស់ប្តូរឌីជីថល"},
    "chinh-quyen-so": {"vi": "Chính quyền số", "en": "Digital government", "km": "រដ្ឋាភិបាលឌីជីថល"},
    "kinh-te-so": {"vi": "Kinh tế số", "en": "Digital economy", "km": "សេដ្ឋកិច្ចឌីជីថល"},
    "xa-hoi-so": {"vi": "Xã hội số", "en": "Digital society", "km": "សង្គមឌីជីថល"},
}
AUDIENCE_TITLE = {
    "nguoi-dan": {"vi": "Người dân", "en": "Citizens", "km": "ប្រជាពលរដ្ឋ"},
    "doanh-nghiep": {"vi": "Doanh nghiệp", "en": "Businesses", "km": "សហគ្រាស"},
    "can-bo-dang-vien": {"vi": "Cán bộ, đảng viên", "en": "Cadres and party members", "km": "កម្មាភិបាល និងសមាជិកបក្ស"},
    "hoc-sinh-sinh-vien": {"vi": "Học sinh, sinh viên", "en": "Students", "km": "សិស្ស និស្សិត"},
    "nguoi-cao-tuoi": {"vi": "Người cao tuổi", "en": "Older people", "km": "មនុស្សចាស់"},
}

# Topics per pillar, as parallel (vi, en, km) translations.
TOPICS = {
    "chuyen-doi-so": [
        ("chuyển đổi số", "digital transformation", "ការផ្លាស់ប្តូរឌីជីថល"),
        ("kỹ năng số", "digital skills", "ជំនាញឌីជីថល"),
        ("Tổ công nghệ số cộng đồng", "community digital technology teams", "ក្រុមបច្ចេកវិទ្យាឌីជីថលសហគមន៍"),
        ("hạ tầng số", "digital infrastructure", "ហេដ្ឋារចនាសម្ព័ន្ធឌីជីថល"),
        ("dữ liệu số", "digital data", "ទិន្នន័យឌីជីថល"),
        ("an toàn thông tin mạng", "cybersecurity", "សុវត្ថិភាពព័ត៌មានតាមអ៊ីនធឺណិត"),
        ("điện toán đám mây", "cloud computing", "កុំព្យូទ័រពពក"),
        ("trí tuệ nhân tạo", "artificial intelligence", "បញ្ញាសិប្បនិម្មិត"),
        ("internet cáp quang", "fibre broadband", "អ៊ីនធឺណិតខ្សែកាបអុបទិក"),
        ("điện thoại thông minh", "smartphones", "ទូរស័ព្ទឆ្លាតវៃ"),
    ],
    "chinh-quyen-so": [
        ("dịch vụ công trực tuyến", "online public services", "សេវាសាធារណៈតាមអនឡាញ"),
        ("định danh điện tử VNeID", "VNeID electronic identification", "អត្តសញ្ញាណអេឡិចត្រូនិក VNeID"),
        ("chữ ký số", "digital signatures", "ហត្ថលេខាឌីជីថល"),
        ("Cổng Dịch vụ công quốc gia", "the National Public Service Portal", "វិបផតថលសេវាសាធារណៈជាតិ"),
        ("hồ sơ trực tuyến", "online applications", "ឯកសារស្នើសុំតាមអនឡាញ"),
        ("bộ phận một cửa", "one-stop service desks", "ការិយាល័យច្រកចេញចូលតែមួយ"),
        ("cơ sở dữ liệu quốc gia về dân cư", "the national population database", "មូលដ្ឋានទិន្នន័យជាតិស្តីពីប្រជាជន"),
        ("căn cước gắn chíp", "chip-based ID cards", "អត្តសញ្ញាណប័ណ្ណមានបន្ទះឈីប"),
        ("văn bản điện tử", "electronic documents", "ឯកសារអេឡិចត្រូនិក"),
        ("phản ánh kiến nghị trực tuyến", "online feedback and petitions", "ការផ្តល់មតិយោបល់តាមអនឡាញ"),
    ],
    "kinh-te-so": [
        ("thanh toán không dùng tiền mặt", "cashless payments", "ការទូទាត់មិនប្រើសាច់ប្រាក់"),
        ("thương mại điện tử", "e-commerce", "ពាណិជ្ជកម្មអេឡិចត្រូនិក"),
        ("hóa đơn điện tử", "electronic invoices", "វិក្កយបត្រអេឡិចត្រូនិក"),
        ("mã QR ngân hàng", "bank QR codes", "កូដ QR របស់ធនាគារ"),
        ("ví điện tử", "e-wallets", "កាបូបអេឡិចត្រូនិក"),
        ("sàn thương mại điện tử", "online marketplaces", "ផ្សារអនឡាញ"),
        ("truy xuất nguồn gốc nông sản", "farm produce traceability", "ការតាមដានប្រភពផលិតផលកសិកម្ម"),
        ("doanh nghiệp số", "digital businesses", "សហគ្រាសឌីជីថល"),
        ("Mobile Money", "Mobile Money", "សេវា Mobile Money"),
        ("kê khai thuế điện tử", "electronic tax filing", "ការប្រកាសពន្ធតាមអេឡិចត្រូនិក"),
    ],
    "xa-hoi-so": [
        ("xã hội số", "digital society", "សង្គមឌីជីថល"),
        ("sổ sức khỏe điện tử", "electronic health records", "សៀវភៅសុខភាពអេឡិចត្រូនិក"),
        ("học trực tuyến", "online learning", "ការសិក្សាតាមអនឡាញ"),
        ("khám bệnh từ xa", "telemedicine", "ការពិនិត្យជំងឺពីចម្ងាយ"),
        ("lừa đảo trên mạng", "online scams", "ការបោកប្រាស់តាមអ៊ីនធឺណិត"),
        ("mạng xã hội", "social media", "បណ្តាញសង្គម"),
        ("công dân số", "digital citizenship", "ពលរដ្ឋឌីជីថល"),
        ("bảo vệ dữ liệu cá nhân", "personal data protection", "ការការពារទិន្នន័យផ្ទាល់ខ្លួន"),
        ("thư viện số", "digital libraries", "បណ្ណាល័យឌីជីថល"),
        ("an sinh xã hội không dùng tiền mặt", "cashless social welfare payments", "ការបើកប្រាក់សុខុមាលភាពសង្គមដោយមិនប្រើសាច់ប្រាក់"),
    ],
}
ALL_TOPICS = [t for p in PILLARS for t in TOPICS[p]]
EXTRA_OBJECTS = [
    ("ứng dụng ngân hàng", "the banking app", "កម្មវិធីធនាគារ"),
    ("tài khoản định danh mức 2", "a level-2 identity account", "គណនីអត្តសញ្ញាណកម្រិតទី ២"),
    ("mật khẩu và mã OTP", "passwords and one-time codes", "ពាក្យសម្ងាត់ និងលេខកូដ OTP"),
    ("cổng thông tin điện tử của tỉnh", "the provincial web portal", "គេហទំព័រព័ត៌មានរបស់ខេត្ត"),
    ("hộp thư điện tử", "e-mail", "អ៊ីមែល"),
    ("thông báo biến động số dư", "balance alerts", "សារជូនដំណឹងអំពីសមតុល្យគណនី"),
    ("ứng dụng Zalo của xã", "the commune's chat group", "ក្រុមជជែករបស់ឃុំ"),
    ("tổng đài hỗ trợ 1022", "the 1022 helpline", "ខ្សែទូរស័ព្ទជំនួយលេខ ១០២២"),
]
OBJECTS = ALL_TOPICS + EXTRA_OBJECTS

TITLE_TEMPLATES = [
    ("{T}: là gì và vì sao quan trọng", "{T}: what it is and why it matters", "{t}៖ ជាអ្វី ហើយហេតុអ្វីសំខាន់"),
    ("Hỏi đáp về {t}", "Questions and answers about {t}", "សំណួរ និងចម្លើយអំពី{t}"),
    ("Hướng dẫn sử dụng {t}", "A guide to {t}", "មគ្គុទ្ទេសក៍ប្រើប្រាស់{t}"),
    ("{T} cho người mới bắt đầu", "{T} for beginners", "{t}សម្រាប់អ្នកចាប់ផ្តើម"),
    ("Những điều cần biết về {t}", "What you need to know about {t}", "អ្វីដែលត្រូវដឹងអំពី{t}"),
    ("{T} ở xã, phường", "{T} in communes and wards", "{t}នៅឃុំ និងសង្កាត់"),
    ("{T} trong đời sống hằng ngày", "{T} in everyday life", "{t}ក្នុងជីវិតប្រចាំថ្ងៃ"),
]

# (vi, en, km, anchor); the anchor is the same in every language.
QUESTIONS = [
    ("{T} là gì?", "What is {t}?", "{t} ជាអ្វី?", "la-gi"),
    ("Vì sao cần quan tâm đến {t}?", "Why does {t} matter?", "ហេតុអ្វីត្រូវយកចិត្តទុកដាក់លើ{t}?", "vi-sao"),
    ("Ai có thể sử dụng {t}?", "Who can use {t}?", "តើអ្នកណាអាចប្រើ{t}?", "ai-dung-duoc"),
    ("Bắt đầu với {t} như thế nào?", "How do I get started with {t}?", "តើចាប់ផ្តើមជាមួយ{t}ដោយរបៀបណា?", "bat-dau"),
    ("Dùng {t} có mất phí không?", "Does {t} cost anything?", "តើការប្រើ{t}មានថ្លៃទេ?", "chi-phi"),
    ("Cần chuẩn bị những gì trước khi dùng {t}?", "What do I need before using {t}?", "តើត្រូវរៀបចំអ្វីខ្លះមុនពេលប្រើ{t}?", "chuan-bi"),
    ("Làm sao để dùng {t} an toàn?", "How can I use {t} safely?", "តើប្រើ{t}ឱ្យមានសុវត្ថិភាពដោយរបៀបណា?", "an-toan"),
    ("Người cao tuổi có dùng được {t} không?", "Can older people use {t}?", "តើមនុស្សចាស់អាចប្រើ{t}បានទេ?", "nguoi-cao-tuoi"),
    ("Doanh nghiệp được lợi gì từ {t}?", "How do businesses benefit from {t}?", "តើសហគ្រាសទទួលបានអត្ថប្រយោជន៍អ្វីពី{t}?", "doanh-nghiep"),
    ("Gặp sự cố với {t} thì hỏi ai?", "Who can help if {t} goes wrong?", "បើមានបញ្ហាជាមួយ{t} តើសួរអ្នកណា?", "ho-tro"),
    ("Cán bộ, đảng viên cần làm gì với {t}?", "What should cadres and party members do about {t}?", "តើកម្មាភិបាល និងសមាជិកបក្សត្រូវធ្វើអ្វីជាមួយ{t}?", "can-bo"),
    ("Thông tin cá nhân có được bảo vệ khi dùng {t} không?", "Is my personal information protected when I use {t}?", "តើព័ត៌មានផ្ទាល់ខ្លួនត្រូវបានការពារនៅពេលប្រើ{t}ទេ?", "du-lieu-ca-nhan"),
    ("Những lỗi thường gặp với {t} là gì?", "What are the common mistakes with {t}?", "តើកំហុសញឹកញាប់ជាមួយ{t}មានអ្វីខ្លះ?", "loi-thuong-gap"),
    ("{T} thay đổi cuộc sống ở nông thôn ra sao?", "How does {t} change life in the countryside?", "តើ{t}ផ្លាស់ប្តូរជីវិតនៅជនបទយ៉ាងដូចម្តេច?", "nong-thon"),
    ("Học sinh, sinh viên dùng {t} vào việc gì?", "What can students use {t} for?", "តើសិស្ស និស្សិតប្រើ{t}សម្រាប់អ្វី?", "hoc-sinh"),
]

SUBJECTS = {
    "vi": ["Người dân", "Bà con nông dân", "Hộ kinh doanh", "Doanh nghiệp nhỏ và vừa", "Cán bộ bộ phận một cửa",
           "Tổ công nghệ số cộng đồng", "Ủy ban nhân dân xã", "Học sinh, sinh viên", "Người cao tuổi", "Hợp tác xã",
           "Tiểu thương ở chợ", "Đoàn viên thanh niên", "Người lao động", "Cán bộ, đảng viên", "Mỗi gia đình",
           "Chủ tịch Ủy ban nhân dân xã", "Giáo viên", "Nhân viên y tế thôn bản", "Hội Phụ nữ", "Hội Nông dân"],
    "en": ["Citizens", "Farmers", "Household businesses", "Small and medium enterprises", "One-stop desk officers",
           "Community digital technology teams", "The commune People's Committee", "Students", "Older people",
           "Cooperatives", "Market traders", "Youth Union members", "Workers", "Cadres and party members",
           "Every family", "The commune chairperson", "Teachers", "Village health workers", "The Women's Union",
           "The Farmers' Association"],
    "km": ["ប្រជាពលរដ្ឋ", "កសិករ", "អាជីវកម្មគ្រួសារ", "សហគ្រាសធុនតូច និងមធ្យម", "មន្ត្រីនៅការិយាល័យច្រកចេញចូលតែមួយ",
           "ក្រុមបច្ចេកវិទ្យាឌីជីថលសហគមន៍", "គណៈកម្មាធិការប្រជាជនឃុំ", "សិស្ស និស្សិត", "មនុស្សចាស់", "សហករណ៍",
           "អ្នកលក់ដូរនៅផ្សារ", "សមាជិកយុវជន", "កម្មករ", "កម្មាភិបាល និងសមាជិកបក្ស", "គ្រប់គ្រួសារ",
           "ប្រធានឃុំ", "គ្រូបង្រៀន", "បុគ្គលិកសុខាភិបាលភូមិ", "សមាគមនារី", "សមាគមកសិករ"],
}
VERBS = {
    "vi": ["có thể sử dụng", "nên tìm hiểu kỹ", "cần đăng ký", "được hướng dẫn cách dùng", "ngày càng quen với",
           "đang tích cực áp dụng", "sẽ được hỗ trợ khi dùng", "có thể tra cứu", "nên kiểm tra thường xuyên",
           "được khuyến khích sử dụng", "đã tiết kiệm nhiều thời gian nhờ", "cần cẩn trọng khi dùng",
           "có thể làm quen với", "được tập huấn về", "chủ động tuyên truyền về"],
    "en": ["can use", "should learn about", "need to register for", "are shown how to use", "are getting used to",
           "are actively adopting", "get help when using", "can look up", "should regularly check",
           "are encouraged to use", "have saved a lot of time thanks to", "need to be careful with",
           "can get familiar with", "receive training on", "help spread the word about"],
    "km": ["អាចប្រើប្រាស់", "គួរស្វែងយល់ឱ្យបានច្បាស់អំពី", "ត្រូវចុះឈ្មោះប្រើ", "ទទួលបានការណែនាំអំពីរបៀបប្រើ",
           "កាន់តែស៊ាំនឹង", "កំពុងអនុវត្តយ៉ាងសកម្មនូវ", "នឹងទទួលបានជំនួយនៅពេលប្រើ", "អាចស្វែងរកព័ត៌មានអំពី",
           "គួរពិនិត្យជាប្រចាំនូវ", "ត្រូវបានលើកទឹកចិត្តឱ្យប្រើ", "បានសន្សំពេលវេលាច្រើនដោយសារ",
           "ត្រូវប្រុងប្រយ័ត្ននៅពេលប្រើ", "អាចស្គាល់", "ទទួលបានការបណ្តុះបណ្តាលអំពី", "ជួយផ្សព្វផ្សាយអំពី"],
}
COMPLEMENTS = {
    "vi": ["ngay trên điện thoại thông minh", "mà không phải đến trụ sở", "để giảm thời gian đi lại và chờ đợi",
           "một cách an toàn, thuận tiện", "theo hướng dẫn của cơ quan chức năng", "tại bộ phận một cửa cấp xã",
           "vào bất cứ lúc nào, kể cả ngày nghỉ", "với sự hỗ trợ của con cháu trong gia đình",
           "để công việc minh bạch và nhanh chóng hơn", "trong quá trình chuyển đổi số của địa phương",
           "với chi phí thấp hơn trước đây", "ở cả vùng sâu, vùng xa", "khi làm thủ tục hành chính",
           "trong mùa thu hoạch", "để bán nông sản cho khách ở xa", "mà không lo mất giấy tờ"],
    "en": ["right on a smartphone", "without going to the office", "to cut travel and waiting time",
           "safely and conveniently", "as the authorities advise", "at the commune one-stop desk",
           "at any time, even on holidays", "with help from their children and grandchildren",
           "so that the work is faster and more transparent", "as part of the province's digital transformation",
           "at a lower cost than before", "even in remote areas", "when dealing with administrative procedures",
           "during the harvest season", "to sell produce to distant customers", "without worrying about lost papers"],
    "km": ["នៅលើទូរស័ព្ទឆ្លាតវៃ", "ដោយមិនចាំបាច់ទៅការិយាល័យ", "ដើម្បីកាត់បន្ថយពេលវេលាធ្វើដំណើរ និងរង់ចាំ",
           "ដោយសុវត្ថិភាព និងងាយស្រួល", "តាមការណែនាំរបស់អាជ្ញាធរមានសមត្ថកិច្ច", "នៅការិយាល័យច្រកចេញចូលតែមួយថ្នាក់ឃុំ",
           "គ្រប់ពេលវេលា សូម្បីតែថ្ងៃឈប់សម្រាក", "ដោយមានជំនួយពីកូនចៅក្នុងគ្រួសារ",
           "ដើម្បីឱ្យការងារមានតម្លាភាព និងរហ័សជាងមុន", "ក្នុងដំណើរការផ្លាស់ប្តូរឌីជីថលរបស់មូលដ្ឋាន",
           "ដោយចំណាយតិចជាងមុន", "សូម្បីតែនៅតំបន់ដាច់ស្រយាល", "នៅពេលធ្វើនីតិវិធីរដ្ឋបាល",
           "ក្នុងរដូវប្រមូលផល", "ដើម្បីលក់ផលិតផលកសិកម្មទៅអតិថិជននៅឆ្ងាយ", "ដោយមិនបារម្ភពីការបាត់ឯកសារ"],
}
OPENERS = {
    "vi": ["Hiện nay, ", "Theo hướng dẫn mới, ", "Trên thực tế, ", "Ở nhiều địa phương, ", "Từ năm 2025, ",
           "Nhờ chuyển đổi số, ", "Nếu chưa quen, ", "Để thuận tiện, ", "Tại nhiều xã vùng sâu, ", "Sau một thời gian, "],
    "en": ["Today, ", "Under the new guidance, ", "In practice, ", "In many localities, ", "Since 2025, ",
           "Thanks to digital transformation, ", "At first, ", "For convenience, ", "In many remote communes, ",
           "After a while, "],
    "km": ["បច្ចុប្បន្ន ", "តាមការណែនាំថ្មី ", "តាមការពិត ", "នៅមូលដ្ឋានជាច្រើន ", "ចាប់ពីឆ្នាំ ២០២៥ ",
           "ដោយសារការផ្លាស់ប្តូរឌីជីថល ", "ប្រសិនបើមិនទាន់ស៊ាំ ", "ដើម្បីភាពងាយស្រួល ", "នៅឃុំដាច់ស្រយាលជាច្រើន ",
           "បន្ទាប់ពីមួយរយៈ "],
}
STEPS = {
    "vi": ["Mở", "Đăng nhập vào", "Chọn mục", "Điền đầy đủ thông tin về", "Kiểm tra lại", "Xác nhận và gửi",
           "Lưu lại mã hồ sơ của", "Tra cứu kết quả trên", "Cài đặt", "Cập nhật"],
    "en": ["Open", "Sign in to", "Choose", "Fill in the details for", "Double-check", "Confirm and submit",
           "Keep the reference number for", "Check the result on", "Install", "Update"],
    "km": ["បើក", "ចូលប្រើ", "ជ្រើសរើសផ្នែក", "បំពេញព័ត៌មានឱ្យបានគ្រប់គ្រាន់អំពី", "ពិនិត្យម្តងទៀតនូវ",
           "បញ្ជាក់ និងផ្ញើ", "រក្សាទុកលេខឯកសាររបស់", "ពិនិត្យលទ្ធផលនៅលើ", "ដំឡើង", "ធ្វើបច្ចុប្បន្នភាព"],
}
LIST_LEADS = {
    "vi": ["Một số điểm cần lưu ý:", "Những việc có thể làm ngay:", "Các bước thực hiện:", "Lợi ích chính:",
           "Người dân cần nhớ:", "Cụ thể như sau:"],
    "en": ["A few points to keep in mind:", "Things you can do right away:", "The steps are:", "The main benefits:",
           "Remember:", "In detail:"],
    "km": ["ចំណុចមួយចំនួនដែលត្រូវចងចាំ៖", "អ្វីដែលអាចធ្វើបានភ្លាមៗ៖", "ជំហានអនុវត្ត៖", "អត្ថប្រយោជន៍សំខាន់ៗ៖",
           "ប្រជាពលរដ្ឋត្រូវចងចាំ៖", "ជាក់ស្តែងដូចខាងក្រោម៖"],
}
SEE_ALSO = {
    "vi": ["Xem thêm bài [{title}]({href}).", "Tìm hiểu thêm trong bài [{title}]({href}).",
           "Chi tiết có trong phần [{title}]({href})."],
    "en": ["See also [{title}]({href}).", "There is more in [{title}]({href}).",
           "The details are in [{title}]({href})."],
    "km": ["សូមមើលបន្ថែម៖ [{title}]({href})។", "ព័ត៌មានបន្ថែមមាននៅក្នុង [{title}]({href})។",
           "ព័ត៌មានលម្អិតមាននៅក្នុង [{title}]({href})។"],
}
STOP = {"vi": ".", "en": ".", "km": "។"}
SEP = {"vi": " ", "en": " ", "km": " "}
LI = {"vi": 0, "en": 1, "km": 2}


def cap(s):
    return s[:1].upper() + s[1:]


def lower_first(s, lang):
    return s if lang == "km" else s[:1].lower() + s[1:]


def ascii_slug(text):
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^a-zA-Z0-9]+", "-", text.lower()).strip("-")
    return text


def yq(s):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


# ---------------------------------------------------------------------------- structure


class Explainer:
    """Language-independent facts about one explainer."""

    __slots__ = ("i", "pillar", "topic", "title_tpl", "slug", "weight", "audiences", "date", "updated",
                 "questions", "links")


def date_str(day_index):
    # days since 2024-01-01, proleptic; keep it simple and valid
    import datetime
    d = datetime.date(2024, 1, 1) + datetime.timedelta(days=day_index)
    return d.isoformat()


def plan(n, seed):
    items = []
    for i in range(n):
        r = random.Random(f"{seed}:plan:{i}")
        e = Explainer()
        e.i = i
        e.pillar = PILLARS[i % len(PILLARS)]
        e.topic = r.randrange(len(TOPICS[e.pillar]))
        e.title_tpl = r.randrange(len(TITLE_TEMPLATES))
        vi_title = TITLE_TEMPLATES[e.title_tpl][0].format(t=TOPICS[e.pillar][e.topic][0],
                                                          T=cap(TOPICS[e.pillar][e.topic][0]))
        words = ascii_slug(vi_title).split("-")[:7]
        e.slug = "-".join(words) + f"-{i + 1}"
        e.weight = r.randint(1, 1000)
        e.audiences = sorted(r.sample(AUDIENCES, r.randint(1, 3)), key=AUDIENCES.index)
        d = r.randrange(0, 700)
        e.date = date_str(d)
        e.updated = date_str(d + r.randrange(0, 120))
        nq = r.randint(5, 10)
        qs = r.sample(range(len(QUESTIONS)), nq)
        # question: (template index, object index into OBJECTS or None for the main topic)
        e.questions = [(q, None if r.random() < 0.7 else r.randrange(len(OBJECTS))) for q in qs]
        e.links = []  # filled below: (question position, target index, anchor or None, phrasing)
        items.append(e)
    for e in items:
        if n < 2:
            break
        r = random.Random(f"{seed}:links:{e.i}")
        for _ in range(r.randint(1, 3)):
            j = r.randrange(n - 1)
            if j >= e.i:
                j += 1
            t = items[j]
            anchor = None if r.random() < 0.2 else QUESTIONS[t.questions[r.randrange(len(t.questions))][0]][3]
            e.links.append((r.randrange(len(e.questions)), j, anchor, r.randrange(3)))
    return items


def title_of(e, lang):
    t = TOPICS[e.pillar][e.topic][LI[lang]]
    return TITLE_TEMPLATES[e.title_tpl][LI[lang]].format(t=t, T=cap(t))


def question_of(e, k, lang):
    q, obj = e.questions[k]
    t = TOPICS[e.pillar][e.topic][LI[lang]] if obj is None else OBJECTS[obj][LI[lang]]
    return QUESTIONS[q][LI[lang]].format(t=t, T=cap(t)), QUESTIONS[q][3]


def link_href(src, dst, anchor):
    path = f"{dst.slug}.md" if src.pillar == dst.pillar else f"../{dst.pillar}/{dst.slug}.md"
    return path + (f"#{anchor}" if anchor else "")


# ---------------------------------------------------------------------------- text


class Writer:
    def __init__(self, lang, rng, e):
        self.lang = lang
        self.r = rng
        self.main = TOPICS[e.pillar][e.topic][LI[lang]]
        self.pillar_topics = [t[LI[lang]] for t in TOPICS[e.pillar]]

    def obj(self):
        r = self.r.random()
        if r < 0.35:
            return self.main
        if r < 0.75:
            return self.r.choice(self.pillar_topics)
        return self.r.choice(OBJECTS)[LI[self.lang]]

    def sentence(self):
        lang, r = self.lang, self.r
        subj = r.choice(SUBJECTS[lang])
        obj = self.obj()
        if r.random() < 0.15:
            obj = f"**{obj}**"
        parts = []
        if r.random() < 0.4:
            parts.append(r.choice(OPENERS[lang]) + lower_first(subj, lang))
        else:
            parts.append(subj)
        parts.append(r.choice(VERBS[lang]))
        parts.append(obj)
        parts.append(r.choice(COMPLEMENTS[lang]))
        if r.random() < 0.3:
            parts.append(r.choice(COMPLEMENTS[lang]))
        s = SEP[lang].join(parts)
        return cap(s) + STOP[lang]

    def paragraph(self, lo=2, hi=5):
        return " ".join(self.sentence() for _ in range(self.r.randint(lo, hi)))

    def bullets(self):
        lang, r = self.lang, self.r
        items = []
        for _ in range(r.randint(3, 6)):
            o = self.obj()
            if r.random() < 0.5:
                items.append(f"- **{cap(o)}**: {lower_first(r.choice(SUBJECTS[lang]), lang)} "
                             f"{r.choice(VERBS[lang])} {self.obj()} {r.choice(COMPLEMENTS[lang])};")
            else:
                items.append(f"- {cap(o)} {r.choice(COMPLEMENTS[lang])};")
        items[-1] = items[-1][:-1] + STOP[lang]
        return r.choice(LIST_LEADS[lang]) + "\n\n" + "\n".join(items)

    def numbered(self):
        lang, r = self.lang, self.r
        steps = []
        for k in range(r.randint(3, 6)):
            tail = f" {r.choice(COMPLEMENTS[lang])}" if r.random() < 0.6 else ""
            steps.append(f"{k + 1}. {r.choice(STEPS[lang])} {self.obj()}{tail}{STOP[lang]}")
        return r.choice(LIST_LEADS[lang]) + "\n\n" + "\n".join(steps)


def explainer_markdown(e, items, lang, seed):
    r = random.Random(f"{seed}:text:{e.i}:{lang}")
    w = Writer(lang, r, e)
    out = []
    summary = w.sentence().replace("**", "")
    out.append("---\n")
    out.append(f"title: {yq(title_of(e, lang))}\n")
    out.append(f"summary: {yq(summary)}\n")
    out.append(f"weight: {e.weight}\n")
    out.append(f"audiences: [{', '.join(e.audiences)}]\n")
    out.append(f"date: {e.date}\n")
    out.append(f"updated: {e.updated}\n")
    out.append("---\n")
    out.append(w.paragraph(3, 5) + "\n")
    size = sum(len(s.encode()) for s in out)
    nq = len(e.questions)
    links_at = {}
    for (k, j, anchor, phr) in e.links:
        links_at.setdefault(k, []).append((j, anchor, phr))
    for k in range(nq):
        q, anchor = question_of(e, k, lang)
        block = [f"\n## {q} {{#{anchor}}}\n"]
        first = w.paragraph(2, 4)
        for (j, a, phr) in links_at.get(k, []):
            first += " " + SEE_ALSO[lang][phr].format(title=title_of(items[j], lang),
                                                      href=link_href(e, items[j], a))
        block.append("\n" + first + "\n")
        budget = (TARGET_BYTES - size) // (nq - k)
        used = sum(len(s.encode()) for s in block)
        while used < budget:
            x = r.random()
            if x < 0.5:
                b = w.paragraph()
            elif x < 0.75:
                b = w.bullets()
            else:
                b = w.numbered()
            b = "\n" + b + "\n"
            block.append(b)
            used += len(b.encode())
        out.extend(block)
        size += used
    return "".join(out)


def intro_markdown(title, lang, r, paragraphs=2):
    w = Writer(lang, r, Explainer_stub())
    body = "\n\n".join(w.paragraph(3, 5) for _ in range(paragraphs))
    return f"---\ntitle: {yq(title)}\n---\n{body}\n"


class Explainer_stub:
    pillar = "chuyen-doi-so"
    topic = 0


HUGO_LINK = re.compile(r"\]\((?:\.\./([a-z0-9-]+)/)?([a-z0-9-]+)\.md(#[a-z0-9-]+)?\)")


def to_hugo(md, e):
    """loa Markdown -> Hugo Markdown: `.md` links become relative URLs, `updated` -> lastmod."""

    def repl(m):
        pillar, slug, anchor = m.group(1), m.group(2), m.group(3) or ""
        if pillar:
            return f"](../../{pillar}/{slug}/{anchor})"
        return f"](../{slug}/{anchor})"

    head, sep, body = md.partition("\n---\n")
    head = head.replace("\nsummary: ", "\ndescription: ").replace("\nupdated: ", "\nlastmod: ")
    return head + sep + HUGO_LINK.sub(repl, body)


# ---------------------------------------------------------------------------- site files


def site_yaml():
    out = ["# Generated by bench/gen.py\n", "title:\n"]
    for l in LANGS:
        out.append(f"  {l}: {yq(SITE_TITLE[l])}\n")
    out.append("description:\n")
    for l in LANGS:
        out.append(f"  {l}: {yq(SITE_DESCRIPTION[l])}\n")
    out.append("base_url: https://tuyentruyen.example.gov.vn/chuyen-doi-so/\n")
    out.append("default_language: vi\nlanguages:\n")
    for l in LANGS:
        name, loc = LANG_META[l]
        out.append(f"  - code: {l}\n    name: {yq(name)}\n    locale: {loc}\n")
        if l == "km":
            out.append("    fallback: [vi]\n")
    out.append("pillars:\n")
    for p in PILLARS:
        t = ", ".join(f"{l}: {yq(PILLAR_TITLE[p][l])}" for l in LANGS)
        out.append(f"  - id: {p}\n    title: {{{t}}}\n")
    out.append("audiences:\n")
    for a in AUDIENCES:
        t = ", ".join(f"{l}: {yq(AUDIENCE_TITLE[a][l])}" for l in LANGS)
        out.append(f"  - id: {a}\n    title: {{{t}}}\n")
    # Every explainer in the feed, as Hugo's RSS lists every page: the same work.
    out.append("output: public\ntheme: default\nfeed_limit: 0\n")
    return "".join(out)


def hugo_toml():
    out = [
        "# Generated by bench/gen.py\n",
        'baseURL = "https://tuyentruyen.example.gov.vn/chuyen-doi-so/"\n',
        'defaultContentLanguage = "vi"\n',
        "defaultContentLanguageInSubdir = false\n",
        "enableRobotsTXT = true\n",
        "disableHugoGeneratorInject = true\n",
        "\n[taxonomies]\n  audience = \"audiences\"\n",
        "\n[outputs]\n  home = [\"HTML\", \"RSS\"]\n  section = [\"HTML\"]\n"
        "  taxonomy = [\"HTML\"]\n  term = [\"HTML\"]\n  page = [\"HTML\"]\n",
        "\n[markup.tableOfContents]\n  startLevel = 2\n  endLevel = 2\n  ordered = true\n",
    ]
    for w, l in enumerate(LANGS, 1):
        name, loc = LANG_META[l]
        out.append(f"\n[languages.{l}]\n  title = {yq(SITE_TITLE[l])}\n"
                   f"  weight = {w}\n  contentDir = \"content/{l}\"\n"
                   f"  [languages.{l}.params]\n    description = {yq(SITE_DESCRIPTION[l])}\n"
                   f"    locale = \"{loc}\"\n    langName = {yq(name)}\n")
    return "".join(out)


HUGO_LAYOUTS = {
    "_default/baseof.html": """<!doctype html>
<html lang="{{ .Language.Lang }}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ .Site.Title }}{{ else }}{{ .Title }} · {{ .Site.Title }}{{ end }}</title>
{{ $desc := .Description | default .Site.Params.description }}<meta name="description" content="{{ $desc }}">
<link rel="canonical" href="{{ .Permalink }}">
{{ if .IsTranslated }}{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}{{ range .AllTranslations }}{{ if eq .Language.Lang "vi" }}<link rel="alternate" hreflang="x-default" href="{{ .Permalink }}">
{{ end }}{{ end }}{{ end }}<meta property="og:title" content="{{ .Title | default .Site.Title }}">
<meta property="og:description" content="{{ $desc }}">
<meta property="og:type" content="{{ if .IsPage }}article{{ else }}website{{ end }}">
<meta property="og:url" content="{{ .Permalink }}">
<meta property="og:site_name" content="{{ .Site.Title }}">
<meta property="og:locale" content="{{ .Site.Params.locale }}">
<meta name="twitter:card" content="summary">
<link rel="stylesheet" href="{{ "style.css" | absURL }}">
{{ with .Site.Home.OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" title="{{ $.Site.Title }}" href="{{ .RelPermalink }}">
{{ end }}{{ block "head" . }}{{ end }}
</head>
<body class="{{ .Kind }}">
<a class="skip" href="#main">{{ if eq .Language.Lang "vi" }}Bỏ qua, đến nội dung{{ else if eq .Language.Lang "km" }}រំលងទៅខ្លឹមសារ{{ else }}Skip to content{{ end }}</a>
<header class="site-header">
<a class="brand" href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<nav class="langs"><ul>
{{ $cur := .Language.Lang }}{{ range .AllTranslations }}<li>{{ if eq .Language.Lang $cur }}<span aria-current="true" lang="{{ .Language.Lang }}">{{ .Site.Params.langName }}</span>{{ else }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}" lang="{{ .Language.Lang }}">{{ .Site.Params.langName }}</a>{{ end }}</li>
{{ end }}</ul></nav>
</header>
{{ partialCached "pillars.html" . .Language.Lang }}
{{ if not .IsHome }}<nav class="breadcrumbs"><ol>
<li><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a></li>
{{ with .Parent }}{{ if not .IsHome }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}{{ end }}<li aria-current="page">{{ .Title }}</li></ol></nav>
{{ end }}<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer">
<p>{{ .Site.Title }}{{ with .Site.Home.OutputFormats.Get "rss" }} · <a href="{{ .RelPermalink }}">RSS</a>{{ end }}</p>
</footer>
</body>
</html>
""",
    "_default/single.html": """{{ define "head" }}{{ $qs := slice }}{{ range .Fragments.Identifiers }}{{ with index $.Fragments.HeadingsMap . }}{{ $qs = $qs | append (dict "@type" "Question" "name" .Title) }}{{ end }}{{ end }}<script type="application/ld+json">{{ dict "@context" "https://schema.org" "@type" "FAQPage" "inLanguage" .Language.Lang "name" .Title "mainEntity" $qs | jsonify | safeJS }}</script>{{ end }}
{{ define "main" }}<article class="explainer">
<h1>{{ .Title }}</h1>
<p class="meta"><time datetime="{{ .Lastmod.Format "2006-01-02" }}">{{ .Lastmod.Format "02/01/2006" }}</time> · {{ len .Fragments.Identifiers }} ?</p>
{{ with .GetTerms "audiences" }}<p class="audiences">{{ range $i, $t := . }}{{ if $i }}, {{ end }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>
{{ end }}<nav class="toc">{{ .TableOfContents }}</nav>
{{ .Content }}
</article>
<nav class="pager">
{{ with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">← {{ .Title }}</a>{{ end }}
{{ with .Parent }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }} →</a>{{ end }}
</nav>
{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ with .Content }}<div class="intro">{{ . }}</div>
{{ end }}<ul class="explainers">
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
{{ with .Description }}<p>{{ . }}</p>
{{ end }}{{ if .IsPage }}<small>{{ len .Fragments.Identifiers }} ? · {{ .Lastmod.Format "2006-01-02" }}</small>{{ end }}</li>
{{ end }}</ul>
{{ end }}
""",
    "index.html": """{{ define "main" }}<h1>{{ .Site.Title }}</h1>
{{ with .Content }}<div class="intro">{{ . }}</div>
{{ end }}{{ range .Site.Sections.ByWeight }}<section class="pillar">
<h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
{{ range .Pages }}<h4><a href="{{ .RelPermalink }}">{{ .Title }}</a></h4>
<ul class="questions">
{{ $p := . }}{{ range .Fragments.Identifiers }}{{ with index $p.Fragments.HeadingsMap . }}<li><a href="{{ $p.RelPermalink }}#{{ .ID }}">{{ .Title }}</a></li>
{{ end }}{{ end }}</ul>
{{ end }}</section>
{{ end }}{{ end }}
""",
    # The same for every page of a language: built once per language, as loa does.
    "partials/pillars.html": """<nav class="pillars"><ul>
{{ range .Site.Sections.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul></nav>""",
    "404.html": """{{ define "main" }}<h1>404</h1>
<p><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a></p>
{{ end }}
""",
}


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def generate(n, seed, out):
    out = Path(out)
    loa, hugo = out / "loa", out / "hugo"
    for d in (loa, hugo):
        if d.exists():
            shutil.rmtree(d)
    items = plan(n, seed)
    write(loa / "site.yaml", site_yaml())
    write(hugo / "hugo.toml", hugo_toml())
    for rel, text in HUGO_LAYOUTS.items():
        write(hugo / "layouts" / rel, text)
    css = Path(__file__).resolve().parent.parent / "themes" / "default" / "static" / "style.css"
    write(hugo / "static" / "style.css",
          css.read_text(encoding="utf-8") if css.exists() else "body{font-family:system-ui,sans-serif}\n")
    total = 0
    for lang in LANGS:
        r = random.Random(f"{seed}:home:{lang}")
        home = intro_markdown(SITE_TITLE[lang], lang, r, 2)
        write(loa / "content" / lang / "_index.md", home)
        write(hugo / "content" / lang / "_index.md", home)
        for w, p in enumerate(PILLARS, 1):
            r = random.Random(f"{seed}:pillar:{p}:{lang}")
            intro = intro_markdown(PILLAR_TITLE[p][lang], lang, r, 1)
            write(loa / "content" / lang / p / "_index.md", intro)
            write(hugo / "content" / lang / p / "_index.md", intro.replace("\n---\n", f"\nweight: {w}\n---\n", 1))
        for a in AUDIENCES:
            write(hugo / "content" / lang / "audiences" / a / "_index.md",
                  f"---\ntitle: {yq(AUDIENCE_TITLE[a][lang])}\n---\n")
        for e in items:
            md = explainer_markdown(e, items, lang, seed)
            total += len(md.encode())
            write(loa / "content" / lang / e.pillar / f"{e.slug}.md", md)
            write(hugo / "content" / lang / e.pillar / f"{e.slug}.md", to_hugo(md, e))
    print(f"{n} explainers x {len(LANGS)} languages, {total / 1e6:.1f} MB of explainer Markdown, "
          f"avg {total / max(1, n * len(LANGS)) / 1000:.1f} KB -> {out}", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--explainers", type=int, required=True, help="explainers per language")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True, help="folder to write loa/ and hugo/ into")
    a = ap.parse_args()
    if a.explainers < 1:
        ap.error("--explainers must be at least 1")
    generate(a.explainers, a.seed, a.out)


if __name__ == "__main__":
    main()
