## UMKM sign-up (/umkm)
umkm-consent =
    🏪 UMKM (small business) registration

    Before we start, we need your consent (version { $version }):
    • What we store: owner's name, business name, sector, scale, kelurahan, phone number, NIB (if any), needs and a business description.
    • What for: so your business is on record and hears about assistance programmes, trainings and licensing.
    • Who sees it: your KIM's coordinators and Diskominfo staff for your area. It is never sold or shared with anyone else.
    • You can change or withdraw the registration at any time with /umkm.
    Legal basis: Law No. 27 of 2022 on Personal Data Protection.

    Do you agree that your business data is stored for this purpose?
umkm-btn-consent-yes = ✅ I agree
umkm-btn-consent-no = ❌ I do not agree
umkm-consent-given = ✅ You agreed. Thank you!
umkm-consent-declined = All right: the UMKM registration stops here and no business data was stored. Type /umkm any time if you change your mind.
umkm-need-kim = To register a business, first choose your KIM with /gantikim.
umkm-continue = You are in the middle of the UMKM registration. Carry on from this question, or type /batal to stop.
umkm-use-buttons = Please choose with the buttons under the question. Type /batal to stop.

umkm-ask-owner = 1/9 · What is the business owner's name? Please write the full name. (Type /batal at any time to stop.)
umkm-ask-business = 2/9 · What is your business called?
umkm-ask-sector = 3/9 · Which sector is your business in?
umkm-ask-scale = 4/9 · What is the scale of your business?
umkm-ask-kelurahan = 5/9 · Which kelurahan is your business in? 📍 marks your KIM's kelurahan.
umkm-ask-phone =
    6/9 · A phone number officers can call.
    Press the "📱 Send my number" button below, or type a number such as 0812 3456 7890.
umkm-phone-placeholder = 08…
umkm-ask-nib = 7/9 · If you have an NIB (business identification number, 13 digits from OSS), type it here. If not, press Skip.
umkm-ask-needs = 8/9 · What kind of help do you need? Choose one or more, then press Done.
umkm-ask-description = 9/9 · Describe your business briefly (at most 500 characters), e.g. your products and how you sell them. You may skip this.
umkm-current = Previous answer: { $value }
umkm-btn-keep = ✔️ Keep: { $value }
umkm-btn-skip = ⏭️ Skip
umkm-btn-done = ✔️ Done
umkm-btn-share-contact = 📱 Send my number
umkm-kelurahan-home = 📍 { $name }
umkm-back-ok = ⬅️ Back to the previous question.
umkm-phone-saved = 📱 Number noted: { $phone }
umkm-answer = { $field }: { $value }
umkm-editing = ✏️ Changing: { $field }
umkm-none = (none)

umkm-sector-kuliner = Food and drink
umkm-sector-fashion = Fashion
umkm-sector-kriya = Crafts
umkm-sector-jasa = Services
umkm-sector-pertanian = Farming / fishery
umkm-sector-perdagangan = Trade
umkm-sector-lainnya = Other

umkm-scale-mikro = Micro
umkm-scale-kecil = Small
umkm-scale-menengah = Medium
umkm-scale-mikro-hint = turnover up to Rp2 billion a year, usually run alone or with family
umkm-scale-kecil-hint = turnover Rp2–15 billion a year, with a few employees
umkm-scale-menengah-hint = turnover Rp15–50 billion a year, with many employees

umkm-need-modal = Capital
umkm-need-pelatihan = Training
umkm-need-pemasaran = Digital marketing
umkm-need-perizinan = Licences / NIB
umkm-need-qris = QRIS / digital payments
umkm-need-kemasan = Packaging
umkm-need-lainnya = Other

umkm-err-empty = The answer cannot be empty.
umkm-err-too-long = That is too long: { $got } characters, at most { $max }. Please shorten it.
umkm-err-name-format = A name needs letters. Please write the real name.
umkm-err-phone = That phone number was not recognised. Please write an Indonesian mobile number starting with 08, +628 or 628 (10–13 digits), e.g. 0812 3456 7890.
umkm-err-nib = An NIB has 13 digits, e.g. 1234567890123. Please check it, or press Skip if you do not have one yet.
umkm-err-contact-not-own = That contact is not yours. Press "📱 Send my number" or type your own phone number.
umkm-err-text-only = Please answer by typing text.
umkm-err-need-one = Choose at least one need, then press Done.

umkm-field-owner = Owner's name
umkm-field-business = Business name
umkm-field-sector = Sector
umkm-field-scale = Scale
umkm-field-kelurahan = Kelurahan
umkm-field-phone = Phone number
umkm-field-nib = NIB
umkm-field-needs = Needs
umkm-field-description = Description
umkm-summary =
    👤 Owner's name: { $owner }
    🏪 Business name: { $business }
    🏷️ Sector: { $sector }
    📏 Scale: { $scale }
    📍 Kelurahan: { $kelurahan }
    📱 Phone number: { $phone }
    🪪 NIB: { $nib }
    🤝 Needs: { $needs }
    📝 Description: { $description }
umkm-review = Please check your business details. Press Save if everything is right, or Change to correct something.
umkm-btn-save = 💾 Save
umkm-edit-owner = ✏️ Change owner's name
umkm-edit-business = ✏️ Change business name
umkm-edit-sector = ✏️ Change sector
umkm-edit-scale = ✏️ Change scale
umkm-edit-kelurahan = ✏️ Change kelurahan
umkm-edit-phone = ✏️ Change phone number
umkm-edit-nib = ✏️ Change NIB
umkm-edit-needs = ✏️ Change needs
umkm-edit-description = ✏️ Change description
umkm-saved = ✅ Thank you, your business is registered. Your KIM's coordinators will tell you about programmes that fit. Type /umkm to view, change or withdraw the registration.
umkm-updated = ✅ The changes to your business details are saved.

umkm-existing = Your business is registered:
umkm-btn-edit-saved = ✏️ Change
umkm-btn-withdraw = 🗑️ Withdraw registration
umkm-withdraw-confirm = Do you really want to withdraw the UMKM registration? Your business data will be deleted and your consent for the UMKM registry withdrawn.
umkm-btn-withdraw-yes = Yes, withdraw
umkm-btn-withdraw-no = No, keep it
umkm-withdrawn = Your UMKM registration was withdrawn and its data deleted. Type /umkm if you want to register again.
umkm-withdraw-kept = All right, your UMKM registration stays. Type /umkm to see it.

## UMKM lists (/umkmkim)
umkm-scope-all = all areas
umkm-list-empty = No businesses are registered in { $scope } yet.
umkm-list-header = Businesses registered in { $scope } ({ $total }) · page { $page } of { $pages }
umkm-list-line =
    { $n }. { $business } - { $owner }
       { $sector }, { $scale } · { $needs } · { $phone }
umkm-btn-prev = ⬅️ Previous
umkm-btn-next = Next ➡️

## Programme news in private chat (the 'news' consent)
umkm-news-ask =
    📣 One more question (consent version { $version }): would you like to receive programme news for small businesses, such as capital assistance, trainings and licensing, in this chat? The news comes from Diskominfo staff and your KIM's coordinators, only what fits your business.
    You can stop at any time with /berhenti or through /umkm.
umkm-btn-news-yes = ✅ Yes, keep me posted
umkm-btn-news-no = No
umkm-news-yes = ✅ Fine, you will receive programme news in this chat. Stop at any time with /berhenti or through /umkm.
umkm-news-no = Fine, you will not receive programme news. You can change this at any time through /umkm.
umkm-news-status-on = 📣 Programme news in this chat: on
umkm-news-status-off = 🔕 Programme news in this chat: off
umkm-btn-news-on = 📣 Receive programme news
umkm-btn-news-off = 🔕 Stop programme news
