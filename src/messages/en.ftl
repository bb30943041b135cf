# What the loa binary says, in English. Every message here must exist in vi.ftl too
# (a unit test checks it).

label-error = error
label-warning = warning
label-note = note
did-you-mean = (did you mean `{ $suggestion }`?)

## Problems in the site's input
unreadable = cannot read this file: { $reason }
not-utf8 = this file is not UTF-8 text (byte 0x{ $byte }); save it as UTF-8 in your editor
missing-config = site.yaml is missing; create one, or pass --source with the site's folder
config-yaml = site.yaml is not valid: { $detail }
config-unknown-key = unknown setting `{ $key }` in site.yaml{ $hint }
no-languages = `languages` must list at least one language
bad-language-code = `{ $code }` is not a language code such as vi, en or km
duplicate-language = the language `{ $code }` is listed twice
unknown-fallback = fallback language `{ $fallback }` of `{ $language }` is not in `languages`
default-language-not-listed = default_language `{ $code }` is not one of the languages ({ $listed })
no-site-title = `title` needs a title in at least one language
bad-base-url = `{ $url }` is not an address such as https://example.gov.vn/chuyen-doi-so/
duplicate-id = `{ $id }` is used twice as a pillar or audience id
no-pillars = `pillars` must list at least one pillar
audience-path-clash = `audience_path` must differ from every language code and pillar id
front-matter-yaml = the front matter is not valid YAML: { $detail }
front-matter-unclosed = the front matter starts with `---` but is never closed; add a line `---` after it
front-matter-not-mapping = the front matter must be `key: value` lines
front-matter-unknown-key = unknown front matter key `{ $key }`{ $hint }
missing-title = `title` is missing from the front matter
bad-date = `{ $field }` must be a date written as YYYY-MM-DD, not `{ $value }`
unknown-audience = unknown audience `{ $name }`{ $hint }; the audiences are listed in site.yaml
unknown-pillar = the folder `{ $name }` is not a pillar listed in site.yaml{ $hint }
unknown-language = the folder `{ $code }` is not a language listed in site.yaml
misplaced-file = an explainer must be inside a pillar folder: content/<language>/<pillar>/<name>.md
bad-slug = the slug `{ $slug }` may only contain letters, digits, `-` and `_`
duplicate-url = two pages would be written to the same address `{ $url }`; the other one is { $other }
broken-link = link to `{ $target }`, which does not exist
broken-anchor = link to `{ $target }`: that page has no question or heading `#{ $anchor }`
template = template error: { $detail }
missing-template = the theme has no `{ $name }` template
theme-without-pager = no template of the theme shows `pager`, so readers cannot reach the explainers of a pillar or audience past its first { $per_page }: add a pager to the theme's listing (see the README) or set `explainers_per_page: 0` in site.yaml
unknown-theme = theme `{ $name }` not found: there is no themes/{ $name }/ folder and no built-in theme of that name
fluent-syntax = Fluent syntax error: { $detail }
missing-message = the Fluent message `{ $key }` exists in no language (add it to locales/<lang>/*.ftl)
output = cannot write the output: { $reason }

empty-explainer = this explainer is empty; write an intro and at least one question (a line starting with `## `)
no-questions = this explainer has no questions; each question is a line starting with `## `
duplicate-question-id = two headings have the id `#{ $id }`; give one of them another `{"{"}#…{"}"}`
skipped-heading-level = a level-{ $to } heading follows a level-{ $from } heading; use `{ $from ->
    [1] ##
    [2] ###
    [3] ####
   *[other] #####
}` here, or add the missing level
absolute-self-link = link to this site's own address `{ $url }`; link the .md file instead, so that the link works in every copy of the site
missing-image = image `{ $path }` not found; put it in static/ and link it from the site root
link-to-untranslated = link to `{ $target }`, which is not translated into `{ $language }` yet; readers will get the fallback text
byte-order-mark = the file starts with a byte order mark (BOM); it is accepted, but some tools show it as stray characters
crlf-line-endings = the file has Windows line endings (CRLF); they are accepted
symlink-outside = a symbolic link that points outside the site, to `{ $target }`; copy the file into the site instead
broken-symlink = a symbolic link that leads nowhere or loops; remove it
translation-missing = not translated into `{ $language }` yet
translation-stale = the source `{ $source }` changed after this was translated; update it, then run `loa translations --mark` on this file
question-count-mismatch = { $here } questions here but { $there } in the source `{ $source }`
## Progress and results
built = Built { $pages } pages ({ $explainers } explainer files, { $languages } languages, { $fallbacks } not yet translated) into { $output } in { $ms } ms
build-failed = Build failed with { $errors ->
    [one] one error
   *[other] { $errors } errors
}; the previous output was left as it was.
ui-fallback = { $count } UI message(s) not translated into `{ $language }`, shown in `{ $used }`: { $keys }
init-done = Created a starter site with { $files } files in { $dir }.
    Next: cd { $dir } && loa build
init-failed = cannot create the starter site: { $reason }

tr-language = { $language }: { $translated }/{ $explainers } explainers translated, { $translated_questions }/{ $questions } questions
tr-missing = missing: { $path }
tr-stale = stale, the source changed after it was translated: { $path }
tr-unstamped = not stamped with translated_from, freshness unknown: { $path }
tr-draft = in progress (draft), not published yet: { $path }
tr-mismatch = { $translation } has { $translation_questions } questions but its source { $source } has { $source_questions }
tr-marked = Marked { $path } as translated from the current source ({ $hash }).
new-created = Created { $path }
new-exists = { $path } already exists; nothing was written
new-bad-target = write the new explainer as <language>/<pillar>/<name>, e.g. vi/kinh-te-so/ban-hang-online

watch-ready = Watching { $dir } for changes. Press Ctrl-C to stop.
watch-pages = { $what }: { $pages } pages in { $ms } ms
watch-full = { $what }: whole site rebuilt, { $pages } pages in { $ms } ms
watch-styles = { $what }: stylesheet updated in { $ms } ms
watch-static = { $what }: static files copied in { $ms } ms
watch-failed = { $what }: the build failed; the last good site stays
watch-error = cannot watch the site folder: { $reason }
serve-port-taken = Port { $port } is taken; trying the next one.
serve-url = Preview at { $url } (also at { $root })
serve-bind-failed = cannot listen on { $bind }:{ $port }: { $reason }
## Help
help-about = Builds a multilingual question-and-answer website from Markdown explainers
help-lang = Language of loa's messages: vi or en (default: LOA_LANG, then LANG)
help-build = Build the site into its output folder (public/ unless site.yaml says otherwise)
help-source = The site's folder (the one with site.yaml)
help-output = Where to write the site, instead of `output` of site.yaml
help-base-url = The address the site will be published at, instead of `base_url` of site.yaml
help-portable = Write every internal link to an explicit index.html, so the site works opened from a USB stick through file://
help-drafts = Include explainers marked `draft: true`
help-init = Create a starter site in a new folder
help-dir = The folder to create
help-help = Print help
help-version = Print version
help-usage = Usage
help-commands = Commands
help-options = Options
help-arguments = Arguments
help-translations = Show what is translated, missing or stale in each language
help-format = Output format: text or json
help-mark = Stamp this translation as checked against its current source
help-new = Create a new explainer, or the skeleton of a translation
help-target = <language>/<pillar>/<name> of the new explainer, or with --translate the language to translate into
help-translate = The default-language explainer to translate
help-watch = Build, then rebuild whenever a file of the site changes
help-serve = Build, rebuild on changes, and preview the site in a browser with live reload
help-port = The port to listen on (the next free one if it is taken)
help-bind = The address to listen on (loopback unless told otherwise)
help-open = Open the preview in the browser
check-summary = { $errors } errors, { $warnings } warnings, { $notes } notes
check-clean = No problems found.
help-check = Check the whole site without writing it: every problem a build would refuse, and more
