# UI strings of the default theme (Khmer). Messages missing here fall back to the
# languages of the `fallback` chain in site.yaml.
skip-to-content = រំលងទៅមាតិកាចម្បង
language-switcher = ជ្រើសរើសភាសា
pillars-nav = ប្រធានបទ
questions-in-explainer = សំណួរក្នុងអត្ថបទនេះ
questions-count = សំណួរ { $count }
updated-on = ធ្វើបច្ចុប្បន្នភាពថ្ងៃទី { $date }
not-translated = ទំព័រនេះមិនទាន់បានបកប្រែជាភាសាខ្មែរនៅឡើយទេ។ អត្ថបទខាងក្រោមជា{ $language }។
not-translated-short = មិនទាន់បកប្រែ
all-questions = សំណួរទាំងអស់
not-found-title = រកមិនឃើញទំព័រ
qr-title = កូដ QR នៃទំព័រនេះ
booklet-link = សៀវភៅសម្រាប់បោះពុម្ព
booklet-contents = មាតិកា
search-label = ស្វែងរកសំណួរ
    .placeholder = ឧទាហរណ៍៖ ហត្ថលេខាឌីជីថល
search-button = ស្វែងរក
booklet-intro = អត្ថបទទាំងអស់នៅលើទំព័រតែមួយ សម្រាប់បោះពុម្ពចែកជូនប្រជាពលរដ្ឋ។ អត្ថបទនីមួយៗមានកូដ QR ទៅកាន់កំណែអនឡាញ។
qr-help = បោះពុម្ពកូដនេះលើផ្ទាំងប៉ាណូ៖ ប្រជាពលរដ្ឋស្កេនវាដោយទូរស័ព្ទ ដើម្បីបើកទំព័រនេះ។
qr-alt = កូដ QR ទៅកាន់ទំព័រ «{ $title }»
search-none = រកមិនឃើញសំណួរទេ។
search-found = រកឃើញសំណួរ %n។
pages-nav = ទំព័រនៃបញ្ជីនេះ
page-previous = ទំព័រមុន
page-next = ទំព័របន្ទាប់
page-number = ទំព័រ { $number }
page-title = { $title } ទំព័រ { $number }/{ $total }
