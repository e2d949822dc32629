/*
 * The built-in wording of the UI in every language ngx_consent ships,
 * written for this project.  Keys are those of a policy's "texts" (which
 * override them) beyond the seven every policy must give itself.
 * Placeholders in braces ({date}, {id}, {name}, {duration}, {authority},
 * {service}, {provider}) are filled in and escaped by the renderer.
 */

#include <stddef.h>

#include "consent_render_lang.h"


/* English */
static const char *const  consent_text_en[] = {
    "settings",
      "Cookie settings",
    "preferences_title",
      "Privacy preferences",
    "preferences_body",
      "Choose which categories of cookies and services you allow. "
      "You can change your choice at any time.",
    "close",
      "Close",
    "privacy_title",
      "Privacy notice",
    "page_intro",
      "This notice explains what personal data this site processes "
      "with cookies and similar technologies, why, on which legal "
      "basis, who receives it, how long it is kept and which "
      "rights you have.",
    "cookies_title",
      "Purposes, legal bases and recipients",
    "always_on",
      "Always active",
    "services_title",
      "Services",
    "controller_title",
      "Controller",
    "dpo_title",
      "Data protection officer",
    "current_choice",
      "Your current choice",
    "withdraw",
      "Withdraw consent",
    "provider",
      "Provider",
    "service",
      "Service",
    "purpose",
      "Purpose",
    "cookies",
      "Cookies and retention",
    "privacy_url",
      "Privacy policy of the provider",
    "transfer",
      "Country and safeguard",
    "recipients",
      "Recipients",
    "no_services",
      "No third-party services.",
    "no_decision",
      "You have not made a choice yet.",
    "granted",
      "Allowed",
    "denied",
      "Not allowed",
    "gpc_notice",
      "Your browser sends a Global Privacy Control signal: "
      "categories that sell or share data stay off unless you "
      "switch them on here.",
    "decided_on",
      "Your choice of {date}, consent ID {id}.",
    "back_to_site",
      "Back to the site",
    "legal_basis",
      "Legal basis:",
    "basis_consent",
      "your consent (Art. 6(1)(a) GDPR; for storing and reading "
      "information on your device, Art. 5(3) ePrivacy Directive). "
      "You can withdraw it at any time.",
    "basis_necessary",
      "strictly necessary to provide the service you asked for "
      "(Art. 5(3) ePrivacy Directive) and our legitimate interest "
      "in a working, secure site (Art. 6(1)(f) GDPR).",
    "own_title",
      "How we record your choice",
    "own_cookie",
      "Your choice is stored in your browser in a signed cookie "
      "named “{name}” for {duration}. It holds a random consent "
      "ID, the date, the version of this notice and the categories "
      "you allowed, nothing else.",
    "own_record",
      "To be able to prove your consent, we keep a record of each "
      "choice: the consent ID, the time, the choice, the version "
      "of the texts shown, your IP address shortened so that it no "
      "longer identifies you, and your browser's identification "
      "string.",
    "own_record_ip",
      "To be able to prove your consent, we keep a record of each "
      "choice: the consent ID, the time, the choice, the version "
      "of the texts shown, your IP address and your browser's "
      "identification string.",
    "own_record_no_ip",
      "To be able to prove your consent, we keep a record of each "
      "choice: the consent ID, the time, the choice, the version "
      "of the texts shown and your browser's identification string.",
    "own_retention",
      "These records are kept for {duration}.",
    "rights_title",
      "Your rights",
    "rights_body",
      "You have the right to access the data about you, to have it "
      "corrected or erased, to restrict its processing, to object "
      "to it and to receive it in a portable format. You can "
      "withdraw your consent at any time, as easily as you gave "
      "it; this does not affect processing before the withdrawal. "
      "Quote your consent ID when you contact us.",
    "rights_complaint",
      "You also have the right to lodge a complaint with a data "
      "protection supervisory authority, in particular in the EU "
      "member state where you live or work.",
    "rights_authority",
      "You also have the right to lodge a complaint with a data "
      "protection supervisory authority, in particular {authority}.",
    "session",
      "until the browser is closed",
    "privacy_choices",
      "Your Privacy Choices",
    "do_not_sell",
      "Do Not Sell or Share My Personal Information",
    "opt_out_honored",
      "Opt-out request honored",
    "notice_title",
      "Cookies on this site",
    "notice_body",
      "This site uses cookies and similar technologies, including "
      "those of the services listed in our privacy policy.",
    "notice_ok",
      "OK",
    "placeholder_body",
      "This content is provided by {provider}. Loading it lets "
      "{provider} set cookies and learn that you visit this page.",
    "load_once",
      "Load once",
    "always_allow",
      "Always allow {service}",
    NULL
};


/* Arabic */
static const char *const  consent_text_ar[] = {
    "settings",
      "إعدادات ملفات تعريف الارتباط",
    "preferences_title",
      "تفضيلات الخصوصية",
    "preferences_body",
      "اختر فئات ملفات تعريف الارتباط والخدمات التي تسمح بها. "
      "يمكنك تغيير اختيارك في أي وقت.",
    "close",
      "إغلاق",
    "privacy_title",
      "إشعار الخصوصية",
    "page_intro",
      "يوضح هذا الإشعار البيانات الشخصية التي يعالجها هذا الموقع "
      "باستخدام ملفات تعريف الارتباط والتقنيات المشابهة، ولأي "
      "أغراض، وعلى أي أساس قانوني، ومن يتلقاها، ومدة الاحتفاظ بها، "
      "وما هي حقوقك.",
    "cookies_title",
      "الأغراض والأسس القانونية والمتلقون",
    "always_on",
      "نشطة دائمًا",
    "services_title",
      "الخدمات",
    "controller_title",
      "المسؤول عن المعالجة",
    "dpo_title",
      "مسؤول حماية البيانات",
    "current_choice",
      "اختيارك الحالي",
    "withdraw",
      "سحب الموافقة",
    "provider",
      "المزوّد",
    "service",
      "الخدمة",
    "purpose",
      "الغرض",
    "cookies",
      "ملفات تعريف الارتباط ومدة الاحتفاظ",
    "privacy_url",
      "سياسة خصوصية المزوّد",
    "transfer",
      "البلد وضمانة النقل",
    "recipients",
      "المتلقون",
    "no_services",
      "لا توجد خدمات لأطراف ثالثة.",
    "no_decision",
      "لم تحدد اختيارك بعد.",
    "granted",
      "مسموح",
    "denied",
      "غير مسموح",
    "gpc_notice",
      "يرسل متصفحك إشارة Global Privacy Control: تبقى الفئات التي "
      "تبيع البيانات أو تشاركها معطّلة ما لم تفعّلها هنا.",
    "decided_on",
      "اختيارك بتاريخ {date}، معرّف الموافقة {id}.",
    "back_to_site",
      "العودة إلى الموقع",
    "legal_basis",
      "الأساس القانوني:",
    "basis_consent",
      "موافقتك (المادة 6(1)(أ) من اللائحة العامة لحماية البيانات؛ "
      "ولتخزين المعلومات على جهازك وقراءتها، المادة 5(3) من توجيه "
      "الخصوصية الإلكترونية). يمكنك سحبها في أي وقت.",
    "basis_necessary",
      "ضرورية تمامًا لتقديم الخدمة التي طلبتها (المادة 5(3) من "
      "توجيه الخصوصية الإلكترونية) ومصلحتنا المشروعة في موقع يعمل "
      "بأمان (المادة 6(1)(و) من اللائحة العامة لحماية البيانات).",
    "own_title",
      "كيف نسجّل اختيارك",
    "own_cookie",
      "يُحفظ اختيارك في متصفحك في ملف تعريف ارتباط موقَّع باسم "
      "«{name}» لمدة {duration}. يحتوي على معرّف موافقة عشوائي "
      "والتاريخ وإصدار هذا الإشعار والفئات التي سمحت بها، ولا شيء "
      "غير ذلك.",
    "own_record",
      "لكي نتمكن من إثبات موافقتك، نسجّل كل اختيار: معرّف الموافقة "
      "والوقت والاختيار وإصدار النصوص المعروضة وعنوان IP الخاص بك "
      "مختصرًا بحيث لا يعود يحدد هويتك، ومعرّف متصفحك.",
    "own_record_ip",
      "لكي نتمكن من إثبات موافقتك، نسجّل كل اختيار: معرّف الموافقة "
      "والوقت والاختيار وإصدار النصوص المعروضة وعنوان IP الخاص بك "
      "ومعرّف متصفحك.",
    "own_record_no_ip",
      "لكي نتمكن من إثبات موافقتك، نسجّل كل اختيار: معرّف الموافقة "
      "والوقت والاختيار وإصدار النصوص المعروضة ومعرّف متصفحك.",
    "own_retention",
      "يُحتفظ بهذه السجلات لمدة {duration}.",
    "rights_title",
      "حقوقك",
    "rights_body",
      "لك الحق في الوصول إلى بياناتك وتصحيحها ومحوها وتقييد "
      "معالجتها والاعتراض عليها ونقلها. يمكنك سحب موافقتك في أي "
      "وقت بالسهولة نفسها التي منحتها بها، دون أن يؤثر ذلك في "
      "المعالجة التي تمت قبل السحب. اذكر معرّف موافقتك عند التواصل "
      "معنا.",
    "rights_complaint",
      "لك أيضًا الحق في تقديم شكوى إلى سلطة إشرافية لحماية "
      "البيانات، ولا سيما في الدولة التي تقيم أو تعمل فيها.",
    "rights_authority",
      "لك أيضًا الحق في تقديم شكوى إلى سلطة إشرافية لحماية "
      "البيانات، ولا سيما: {authority}.",
    "session",
      "حتى إغلاق المتصفح",
    "privacy_choices",
      "خيارات الخصوصية الخاصة بك",
    "do_not_sell",
      "لا تبيعوا معلوماتي الشخصية ولا تشاركوها",
    "opt_out_honored",
      "تم احترام طلب الانسحاب",
    "notice_title",
      "ملفات تعريف الارتباط على هذا الموقع",
    "notice_body",
      "يستخدم هذا الموقع ملفات تعريف الارتباط وتقنيات مشابهة، بما "
      "فيها تلك الخاصة بالخدمات المذكورة في إشعار الخصوصية لدينا.",
    "notice_ok",
      "حسنًا",
    "placeholder_body",
      "يقدّم هذا المحتوى {provider}. عند تحميله يمكن لـ{provider} "
      "تعيين ملفات تعريف الارتباط ومعرفة أنك تزور هذه الصفحة.",
    "load_once",
      "تحميل مرة واحدة",
    "always_allow",
      "السماح دائمًا بـ{service}",
    NULL
};


/* Bulgarian */
static const char *const  consent_text_bg[] = {
    "settings",
      "Настройки на бисквитките",
    "preferences_title",
      "Настройки за поверителност",
    "preferences_body",
      "Изберете кои категории бисквитки и услуги разрешавате. "
      "Можете да промените избора си по всяко време.",
    "close",
      "Затваряне",
    "privacy_title",
      "Уведомление за поверителност",
    "page_intro",
      "Това уведомление обяснява какви лични данни обработва този "
      "сайт чрез бисквитки и подобни технологии, с каква цел, на "
      "какво правно основание, кой ги получава, колко дълго се "
      "съхраняват и какви права имате.",
    "cookies_title",
      "Цели, правни основания и получатели",
    "always_on",
      "Винаги активни",
    "services_title",
      "Услуги",
    "controller_title",
      "Администратор",
    "dpo_title",
      "Длъжностно лице по защита на данните",
    "current_choice",
      "Вашият текущ избор",
    "withdraw",
      "Оттегляне на съгласието",
    "provider",
      "Доставчик",
    "service",
      "Услуга",
    "purpose",
      "Цел",
    "cookies",
      "Бисквитки и срок на съхранение",
    "privacy_url",
      "Политика за поверителност на доставчика",
    "transfer",
      "Държава и гаранция",
    "recipients",
      "Получатели",
    "no_services",
      "Няма услуги на трети страни.",
    "no_decision",
      "Все още не сте направили избор.",
    "granted",
      "Разрешено",
    "denied",
      "Неразрешено",
    "gpc_notice",
      "Браузърът ви изпраща сигнал Global Privacy Control: "
      "категориите, които продават или споделят данни, остават "
      "изключени, освен ако не ги включите тук.",
    "decided_on",
      "Вашият избор от {date}, идентификатор на съгласието {id}.",
    "back_to_site",
      "Обратно към сайта",
    "legal_basis",
      "Правно основание:",
    "basis_consent",
      "вашето съгласие (чл. 6, пар. 1, буква „а“ от ОРЗД; за "
      "съхраняването и четенето на информация на устройството ви — "
      "чл. 5, пар. 3 от Директивата за правото на неприкосновеност "
      "на личния живот и електронните комуникации). Можете да го "
      "оттеглите по всяко време.",
    "basis_necessary",
      "строго необходими за предоставяне на услугата, която сте "
      "поискали (чл. 5, пар. 3 от Директивата за правото на "
      "неприкосновеност на личния живот и електронните "
      "комуникации), и легитимният ни интерес от работещ и сигурен "
      "сайт (чл. 6, пар. 1, буква „е“ от ОРЗД).",
    "own_title",
      "Как записваме избора ви",
    "own_cookie",
      "Изборът ви се съхранява в браузъра ви в подписана бисквитка "
      "с име „{name}“ за {duration}. Тя съдържа случаен "
      "идентификатор на съгласието, датата, версията на това "
      "уведомление и разрешените категории, нищо друго.",
    "own_record",
      "За да можем да докажем съгласието ви, записваме всеки "
      "избор: идентификатора на съгласието, часа, избора, версията "
      "на показаните текстове, IP адреса ви, съкратен така, че "
      "вече да не ви идентифицира, и идентификацията на браузъра "
      "ви.",
    "own_record_ip",
      "За да можем да докажем съгласието ви, записваме всеки "
      "избор: идентификатора на съгласието, часа, избора, версията "
      "на показаните текстове, IP адреса ви и идентификацията на "
      "браузъра ви.",
    "own_record_no_ip",
      "За да можем да докажем съгласието ви, записваме всеки "
      "избор: идентификатора на съгласието, часа, избора, версията "
      "на показаните текстове и идентификацията на браузъра ви.",
    "own_retention",
      "Тези записи се съхраняват {duration}.",
    "rights_title",
      "Вашите права",
    "rights_body",
      "Имате право на достъп до данните си, на коригиране, "
      "изтриване и ограничаване на обработването, право на "
      "възражение и на преносимост. Можете да оттеглите съгласието "
      "си по всяко време толкова лесно, колкото сте го дали; това "
      "не засяга обработването преди оттеглянето. Посочете "
      "идентификатора на съгласието си, когато се свържете с нас.",
    "rights_complaint",
      "Имате също право да подадете жалба до надзорен орган по "
      "защита на данните, по-специално в държавата членка на ЕС, в "
      "която живеете или работите.",
    "rights_authority",
      "Имате също право да подадете жалба до надзорен орган по "
      "защита на данните, по-специално: {authority}.",
    "session",
      "до затваряне на браузъра",
    "privacy_choices",
      "Вашите избори за поверителност",
    "do_not_sell",
      "Не продавайте и не споделяйте личните ми данни",
    "opt_out_honored",
      "Възражението е взето предвид",
    "notice_title",
      "Бисквитки на този сайт",
    "notice_body",
      "Този сайт използва бисквитки и подобни технологии, "
      "включително тези на услугите, изброени в уведомлението ни "
      "за поверителност.",
    "notice_ok",
      "OK",
    "placeholder_body",
      "Това съдържание се предоставя от {provider}. Ако го "
      "заредите, {provider} може да постави бисквитки и да научи, "
      "че посещавате тази страница.",
    "load_once",
      "Зареждане веднъж",
    "always_allow",
      "Винаги разрешавай {service}",
    NULL
};


/* Czech */
static const char *const  consent_text_cs[] = {
    "settings",
      "Nastavení cookies",
    "preferences_title",
      "Nastavení soukromí",
    "preferences_body",
      "Vyberte, které kategorie cookies a služeb povolujete. Svou "
      "volbu můžete kdykoli změnit.",
    "close",
      "Zavřít",
    "privacy_title",
      "Informace o ochraně soukromí",
    "page_intro",
      "Tyto informace vysvětlují, jaké osobní údaje tento web "
      "zpracovává pomocí cookies a podobných technologií, k jakým "
      "účelům, na jakém právním základě, kdo je dostává, jak "
      "dlouho se uchovávají a jaká máte práva.",
    "cookies_title",
      "Účely, právní základy a příjemci",
    "always_on",
      "Vždy aktivní",
    "services_title",
      "Služby",
    "controller_title",
      "Správce",
    "dpo_title",
      "Pověřenec pro ochranu osobních údajů",
    "current_choice",
      "Vaše současná volba",
    "withdraw",
      "Odvolat souhlas",
    "provider",
      "Poskytovatel",
    "service",
      "Služba",
    "purpose",
      "Účel",
    "cookies",
      "Cookies a doba uložení",
    "privacy_url",
      "Zásady ochrany soukromí poskytovatele",
    "transfer",
      "Země a záruka",
    "recipients",
      "Příjemci",
    "no_services",
      "Žádné služby třetích stran.",
    "no_decision",
      "Zatím jste nezvolili.",
    "granted",
      "Povoleno",
    "denied",
      "Nepovoleno",
    "gpc_notice",
      "Váš prohlížeč posílá signál Global Privacy Control: "
      "kategorie, které údaje prodávají nebo sdílejí, zůstanou "
      "vypnuté, pokud je zde nezapnete.",
    "decided_on",
      "Vaše volba z {date}, ID souhlasu {id}.",
    "back_to_site",
      "Zpět na web",
    "legal_basis",
      "Právní základ:",
    "basis_consent",
      "váš souhlas (čl. 6 odst. 1 písm. a) GDPR; pro ukládání "
      "informací ve vašem zařízení a přístup k nim čl. 5 odst. 3 "
      "směrnice o soukromí a elektronických komunikacích). Můžete "
      "jej kdykoli odvolat.",
    "basis_necessary",
      "nezbytně nutné k poskytnutí služby, o kterou jste požádali "
      "(čl. 5 odst. 3 směrnice o soukromí a elektronických "
      "komunikacích), a náš oprávněný zájem na funkčním a "
      "bezpečném webu (čl. 6 odst. 1 písm. f) GDPR).",
    "own_title",
      "Jak zaznamenáváme vaši volbu",
    "own_cookie",
      "Vaše volba je uložena ve vašem prohlížeči v podepsané "
      "cookie s názvem „{name}“ po dobu {duration}. Obsahuje "
      "náhodné ID souhlasu, datum, verzi těchto informací a "
      "povolené kategorie, nic jiného.",
    "own_record",
      "Abychom mohli váš souhlas doložit, zaznamenáváme každou "
      "volbu: ID souhlasu, čas, volbu, verzi zobrazených textů, "
      "vaši IP adresu zkrácenou tak, že vás již neidentifikuje, a "
      "identifikaci vašeho prohlížeče.",
    "own_record_ip",
      "Abychom mohli váš souhlas doložit, zaznamenáváme každou "
      "volbu: ID souhlasu, čas, volbu, verzi zobrazených textů, "
      "vaši IP adresu a identifikaci vašeho prohlížeče.",
    "own_record_no_ip",
      "Abychom mohli váš souhlas doložit, zaznamenáváme každou "
      "volbu: ID souhlasu, čas, volbu, verzi zobrazených textů a "
      "identifikaci vašeho prohlížeče.",
    "own_retention",
      "Tyto záznamy uchováváme po dobu {duration}.",
    "rights_title",
      "Vaše práva",
    "rights_body",
      "Máte právo na přístup ke svým údajům, na jejich opravu, "
      "výmaz a omezení zpracování, právo vznést námitku a právo na "
      "přenositelnost. Souhlas můžete kdykoli odvolat stejně "
      "snadno, jako jste jej udělili; zpracování před odvoláním "
      "tím není dotčeno. Při kontaktu s námi uveďte své ID "
      "souhlasu.",
    "rights_complaint",
      "Máte také právo podat stížnost u dozorového úřadu pro "
      "ochranu osobních údajů, zejména v členském státě EU, kde "
      "žijete nebo pracujete.",
    "rights_authority",
      "Máte také právo podat stížnost u dozorového úřadu pro "
      "ochranu osobních údajů, zejména: {authority}.",
    "session",
      "do zavření prohlížeče",
    "privacy_choices",
      "Vaše volby ochrany soukromí",
    "do_not_sell",
      "Neprodávat ani nesdílet mé osobní údaje",
    "opt_out_honored",
      "Námitka byla zohledněna",
    "notice_title",
      "Cookies na tomto webu",
    "notice_body",
      "Tento web používá cookies a podobné technologie, včetně "
      "těch ze služeb uvedených v našich informacích o ochraně "
      "soukromí.",
    "notice_ok",
      "OK",
    "placeholder_body",
      "Tento obsah poskytuje {provider}. Jeho načtením umožníte "
      "{provider} ukládat cookies a zjistit, že navštěvujete tuto "
      "stránku.",
    "load_once",
      "Načíst jednou",
    "always_allow",
      "Vždy povolit {service}",
    NULL
};


/* Danish */
static const char *const  consent_text_da[] = {
    "settings",
      "Cookieindstillinger",
    "preferences_title",
      "Privatlivsindstillinger",
    "preferences_body",
      "Vælg, hvilke kategorier af cookies og tjenester du "
      "tillader. Du kan altid ændre dit valg.",
    "close",
      "Luk",
    "privacy_title",
      "Privatlivsmeddelelse",
    "page_intro",
      "Denne meddelelse forklarer, hvilke personoplysninger "
      "webstedet behandler med cookies og lignende teknologier, "
      "hvorfor, på hvilket retsgrundlag, hvem der modtager dem, "
      "hvor længe de opbevares, og hvilke rettigheder du har.",
    "cookies_title",
      "Formål, retsgrundlag og modtagere",
    "always_on",
      "Altid aktive",
    "services_title",
      "Tjenester",
    "controller_title",
      "Dataansvarlig",
    "dpo_title",
      "Databeskyttelsesrådgiver",
    "current_choice",
      "Dit nuværende valg",
    "withdraw",
      "Tilbagekald samtykke",
    "provider",
      "Udbyder",
    "service",
      "Tjeneste",
    "purpose",
      "Formål",
    "cookies",
      "Cookies og opbevaringsperiode",
    "privacy_url",
      "Udbyderens privatlivspolitik",
    "transfer",
      "Land og garanti",
    "recipients",
      "Modtagere",
    "no_services",
      "Ingen tredjepartstjenester.",
    "no_decision",
      "Du har ikke truffet et valg endnu.",
    "granted",
      "Tilladt",
    "denied",
      "Ikke tilladt",
    "gpc_notice",
      "Din browser sender et Global Privacy Control-signal: "
      "kategorier, der sælger eller deler data, forbliver slået "
      "fra, medmindre du slår dem til her.",
    "decided_on",
      "Dit valg fra {date}, samtykke-ID {id}.",
    "back_to_site",
      "Tilbage til webstedet",
    "legal_basis",
      "Retsgrundlag:",
    "basis_consent",
      "dit samtykke (GDPR art. 6, stk. 1, litra a; for lagring af "
      "og adgang til oplysninger på din enhed, artikel 5, stk. 3, "
      "i e-databeskyttelsesdirektivet). Du kan til enhver tid "
      "tilbagekalde det.",
    "basis_necessary",
      "strengt nødvendige for at levere den tjeneste, du har bedt "
      "om (artikel 5, stk. 3, i e-databeskyttelsesdirektivet), og "
      "vores legitime interesse i et velfungerende, sikkert "
      "websted (GDPR art. 6, stk. 1, litra f).",
    "own_title",
      "Sådan registrerer vi dit valg",
    "own_cookie",
      "Dit valg gemmes i din browser i en signeret cookie med "
      "navnet »{name}« i {duration}. Den indeholder et tilfældigt "
      "samtykke-ID, datoen, versionen af denne meddelelse og de "
      "kategorier, du har tilladt, intet andet.",
    "own_record",
      "For at kunne dokumentere dit samtykke registrerer vi hvert "
      "valg: samtykke-ID, tidspunkt, valg, version af de viste "
      "tekster, din IP-adresse forkortet, så den ikke længere "
      "identificerer dig, og din browsers identifikation.",
    "own_record_ip",
      "For at kunne dokumentere dit samtykke registrerer vi hvert "
      "valg: samtykke-ID, tidspunkt, valg, version af de viste "
      "tekster, din IP-adresse og din browsers identifikation.",
    "own_record_no_ip",
      "For at kunne dokumentere dit samtykke registrerer vi hvert "
      "valg: samtykke-ID, tidspunkt, valg, version af de viste "
      "tekster og din browsers identifikation.",
    "own_retention",
      "Registreringerne opbevares i {duration}.",
    "rights_title",
      "Dine rettigheder",
    "rights_body",
      "Du har ret til indsigt i dine oplysninger, til "
      "berigtigelse, sletning og begrænsning af behandlingen, til "
      "indsigelse og til dataportabilitet. Du kan til enhver tid "
      "tilbagekalde dit samtykke lige så let, som du gav det; det "
      "berører ikke behandlingen før tilbagekaldelsen. Oplys dit "
      "samtykke-ID, når du kontakter os.",
    "rights_complaint",
      "Du har også ret til at klage til en "
      "databeskyttelsesmyndighed, især i det EU-land, hvor du bor "
      "eller arbejder.",
    "rights_authority",
      "Du har også ret til at klage til en "
      "databeskyttelsesmyndighed, især: {authority}.",
    "session",
      "indtil browseren lukkes",
    "privacy_choices",
      "Dine privatlivsvalg",
    "do_not_sell",
      "Sælg eller del ikke mine personoplysninger",
    "opt_out_honored",
      "Indsigelsen er respekteret",
    "notice_title",
      "Cookies på dette websted",
    "notice_body",
      "Webstedet bruger cookies og lignende teknologier, også fra "
      "de tjenester, der er nævnt i vores privatlivsmeddelelse.",
    "notice_ok",
      "OK",
    "placeholder_body",
      "Dette indhold leveres af {provider}. Hvis du indlæser det, "
      "kan {provider} sætte cookies og få at vide, at du besøger "
      "denne side.",
    "load_once",
      "Indlæs én gang",
    "always_allow",
      "Tillad altid {service}",
    NULL
};


/* German */
static const char *const  consent_text_de[] = {
    "settings",
      "Cookie-Einstellungen",
    "preferences_title",
      "Datenschutzeinstellungen",
    "preferences_body",
      "Wählen Sie, welche Kategorien von Cookies und Diensten Sie "
      "erlauben. Sie können Ihre Auswahl jederzeit ändern.",
    "close",
      "Schließen",
    "privacy_title",
      "Datenschutzhinweise",
    "page_intro",
      "Diese Hinweise erklären, welche personenbezogenen Daten "
      "diese Website mit Cookies und ähnlichen Techniken "
      "verarbeitet, wozu, auf welcher Rechtsgrundlage, wer sie "
      "erhält, wie lange sie gespeichert werden und welche Rechte "
      "Sie haben.",
    "cookies_title",
      "Zwecke, Rechtsgrundlagen und Empfänger",
    "always_on",
      "Immer aktiv",
    "services_title",
      "Dienste",
    "controller_title",
      "Verantwortlicher",
    "dpo_title",
      "Datenschutzbeauftragte(r)",
    "current_choice",
      "Ihre aktuelle Auswahl",
    "withdraw",
      "Einwilligung widerrufen",
    "provider",
      "Anbieter",
    "service",
      "Dienst",
    "purpose",
      "Zweck",
    "cookies",
      "Cookies und Speicherdauer",
    "privacy_url",
      "Datenschutzerklärung des Anbieters",
    "transfer",
      "Land und Garantie",
    "recipients",
      "Empfänger",
    "no_services",
      "Keine Drittanbieter.",
    "no_decision",
      "Sie haben noch keine Auswahl getroffen.",
    "granted",
      "Erlaubt",
    "denied",
      "Nicht erlaubt",
    "gpc_notice",
      "Ihr Browser sendet ein Global-Privacy-Control-Signal: "
      "Kategorien, die Daten verkaufen oder weitergeben, bleiben "
      "aus, solange Sie sie hier nicht einschalten.",
    "decided_on",
      "Ihre Auswahl vom {date}, Einwilligungs-ID {id}.",
    "back_to_site",
      "Zurück zur Website",
    "legal_basis",
      "Rechtsgrundlage:",
    "basis_consent",
      "Ihre Einwilligung (Art. 6 Abs. 1 lit. a DSGVO; für das "
      "Speichern und Auslesen von Informationen auf Ihrem Gerät "
      "Art. 5 Abs. 3 ePrivacy-Richtlinie). Sie können sie "
      "jederzeit widerrufen.",
    "basis_necessary",
      "unbedingt erforderlich, um den von Ihnen gewünschten Dienst "
      "bereitzustellen (Art. 5 Abs. 3 ePrivacy-Richtlinie), und "
      "unser berechtigtes Interesse an einer funktionierenden, "
      "sicheren Website (Art. 6 Abs. 1 lit. f DSGVO).",
    "own_title",
      "Wie wir Ihre Auswahl festhalten",
    "own_cookie",
      "Ihre Auswahl wird in Ihrem Browser in einem signierten "
      "Cookie namens „{name}“ für {duration} gespeichert. Es "
      "enthält eine zufällige Einwilligungs-ID, das Datum, die "
      "Version dieser Hinweise und die erlaubten Kategorien, sonst "
      "nichts.",
    "own_record",
      "Um Ihre Einwilligung nachweisen zu können, protokollieren "
      "wir jede Auswahl: Einwilligungs-ID, Zeitpunkt, Auswahl, "
      "Version der angezeigten Texte, Ihre IP-Adresse so gekürzt, "
      "dass sie Sie nicht mehr erkennen lässt, und die Kennung "
      "Ihres Browsers.",
    "own_record_ip",
      "Um Ihre Einwilligung nachweisen zu können, protokollieren "
      "wir jede Auswahl: Einwilligungs-ID, Zeitpunkt, Auswahl, "
      "Version der angezeigten Texte, Ihre IP-Adresse und die "
      "Kennung Ihres Browsers.",
    "own_record_no_ip",
      "Um Ihre Einwilligung nachweisen zu können, protokollieren "
      "wir jede Auswahl: Einwilligungs-ID, Zeitpunkt, Auswahl, "
      "Version der angezeigten Texte und die Kennung Ihres "
      "Browsers.",
    "own_retention",
      "Diese Protokolle werden {duration} lang aufbewahrt.",
    "rights_title",
      "Ihre Rechte",
    "rights_body",
      "Sie haben das Recht auf Auskunft über Ihre Daten, auf "
      "Berichtigung, Löschung und Einschränkung der Verarbeitung, "
      "auf Widerspruch und auf Datenübertragbarkeit. Sie können "
      "Ihre Einwilligung jederzeit so einfach widerrufen, wie Sie "
      "sie erteilt haben; die Rechtmäßigkeit der Verarbeitung bis "
      "zum Widerruf bleibt unberührt. Nennen Sie uns Ihre "
      "Einwilligungs-ID, wenn Sie uns kontaktieren.",
    "rights_complaint",
      "Sie haben außerdem das Recht, sich bei einer "
      "Datenschutz-Aufsichtsbehörde zu beschweren, insbesondere in "
      "dem EU-Mitgliedstaat, in dem Sie leben oder arbeiten.",
    "rights_authority",
      "Sie haben außerdem das Recht, sich bei einer "
      "Datenschutz-Aufsichtsbehörde zu beschweren, insbesondere "
      "bei: {authority}.",
    "session",
      "bis der Browser geschlossen wird",
    "privacy_choices",
      "Ihre Datenschutzoptionen",
    "do_not_sell",
      "Meine personenbezogenen Daten nicht verkaufen oder "
      "weitergeben",
    "opt_out_honored",
      "Widerspruch berücksichtigt",
    "notice_title",
      "Cookies auf dieser Website",
    "notice_body",
      "Diese Website verwendet Cookies und ähnliche Technologien, "
      "auch die der Dienste, die unsere Datenschutzerklärung nennt.",
    "notice_ok",
      "OK",
    "placeholder_body",
      "Dieser Inhalt wird von {provider} bereitgestellt. Wenn Sie "
      "ihn laden, kann {provider} Cookies setzen und erfährt, dass "
      "Sie diese Seite besuchen.",
    "load_once",
      "Einmal laden",
    "always_allow",
      "{service} immer erlauben",
    NULL
};


/* Greek */
static const char *const  consent_text_el[] = {
    "settings",
      "Ρυθμίσεις cookies",
    "preferences_title",
      "Προτιμήσεις απορρήτου",
    "preferences_body",
      "Επιλέξτε ποιες κατηγορίες cookies και υπηρεσιών επιτρέπετε. "
      "Μπορείτε να αλλάξετε την επιλογή σας οποιαδήποτε στιγμή.",
    "close",
      "Κλείσιμο",
    "privacy_title",
      "Ενημέρωση για το απόρρητο",
    "page_intro",
      "Η ενημέρωση αυτή εξηγεί ποια προσωπικά δεδομένα "
      "επεξεργάζεται ο ιστότοπος με cookies και παρόμοιες "
      "τεχνολογίες, για ποιους σκοπούς, με ποια νομική βάση, ποιος "
      "τα λαμβάνει, για πόσο διατηρούνται και ποια δικαιώματα "
      "έχετε.",
    "cookies_title",
      "Σκοποί, νομικές βάσεις και αποδέκτες",
    "always_on",
      "Πάντα ενεργά",
    "services_title",
      "Υπηρεσίες",
    "controller_title",
      "Υπεύθυνος επεξεργασίας",
    "dpo_title",
      "Υπεύθυνος προστασίας δεδομένων",
    "current_choice",
      "Η τρέχουσα επιλογή σας",
    "withdraw",
      "Ανάκληση συγκατάθεσης",
    "provider",
      "Πάροχος",
    "service",
      "Υπηρεσία",
    "purpose",
      "Σκοπός",
    "cookies",
      "Cookies και διάρκεια διατήρησης",
    "privacy_url",
      "Πολιτική απορρήτου του παρόχου",
    "transfer",
      "Χώρα και εγγύηση",
    "recipients",
      "Αποδέκτες",
    "no_services",
      "Καμία υπηρεσία τρίτων.",
    "no_decision",
      "Δεν έχετε κάνει ακόμη επιλογή.",
    "granted",
      "Επιτρέπεται",
    "denied",
      "Δεν επιτρέπεται",
    "gpc_notice",
      "Το πρόγραμμα περιήγησής σας στέλνει σήμα Global Privacy "
      "Control: οι κατηγορίες που πωλούν ή κοινοποιούν δεδομένα "
      "παραμένουν απενεργοποιημένες, εκτός αν τις ενεργοποιήσετε "
      "εδώ.",
    "decided_on",
      "Η επιλογή σας της {date}, αναγνωριστικό συγκατάθεσης {id}.",
    "back_to_site",
      "Επιστροφή στον ιστότοπο",
    "legal_basis",
      "Νομική βάση:",
    "basis_consent",
      "η συγκατάθεσή σας (άρθρο 6 παρ. 1 στοιχ. α΄ ΓΚΠΔ· για την "
      "αποθήκευση και ανάγνωση πληροφοριών στη συσκευή σας, άρθρο "
      "5 παρ. 3 της οδηγίας για την ιδιωτική ζωή στις ηλεκτρονικές "
      "επικοινωνίες). Μπορείτε να την ανακαλέσετε οποιαδήποτε "
      "στιγμή.",
    "basis_necessary",
      "απολύτως απαραίτητα για την παροχή της υπηρεσίας που "
      "ζητήσατε (άρθρο 5 παρ. 3 της οδηγίας για την ιδιωτική ζωή "
      "στις ηλεκτρονικές επικοινωνίες) και το έννομο συμφέρον μας "
      "για έναν λειτουργικό και ασφαλή ιστότοπο (άρθρο 6 παρ. 1 "
      "στοιχ. στ΄ ΓΚΠΔ).",
    "own_title",
      "Πώς καταγράφουμε την επιλογή σας",
    "own_cookie",
      "Η επιλογή σας αποθηκεύεται στο πρόγραμμα περιήγησής σας σε "
      "ένα υπογεγραμμένο cookie με όνομα «{name}» για {duration}. "
      "Περιέχει ένα τυχαίο αναγνωριστικό συγκατάθεσης, την "
      "ημερομηνία, την έκδοση αυτής της ενημέρωσης και τις "
      "κατηγορίες που επιτρέψατε, τίποτε άλλο.",
    "own_record",
      "Για να μπορούμε να αποδείξουμε τη συγκατάθεσή σας, "
      "καταγράφουμε κάθε επιλογή: το αναγνωριστικό συγκατάθεσης, "
      "την ώρα, την επιλογή, την έκδοση των κειμένων που "
      "εμφανίστηκαν, τη διεύθυνση IP σας συντομευμένη ώστε να μη "
      "σας ταυτοποιεί πλέον και την ταυτότητα του προγράμματος "
      "περιήγησής σας.",
    "own_record_ip",
      "Για να μπορούμε να αποδείξουμε τη συγκατάθεσή σας, "
      "καταγράφουμε κάθε επιλογή: το αναγνωριστικό συγκατάθεσης, "
      "την ώρα, την επιλογή, την έκδοση των κειμένων που "
      "εμφανίστηκαν, τη διεύθυνση IP σας και την ταυτότητα του "
      "προγράμματος περιήγησής σας.",
    "own_record_no_ip",
      "Για να μπορούμε να αποδείξουμε τη συγκατάθεσή σας, "
      "καταγράφουμε κάθε επιλογή: το αναγνωριστικό συγκατάθεσης, "
      "την ώρα, την επιλογή, την έκδοση των κειμένων που "
      "εμφανίστηκαν και την ταυτότητα του προγράμματος περιήγησής "
      "σας.",
    "own_retention",
      "Οι καταγραφές αυτές διατηρούνται για {duration}.",
    "rights_title",
      "Τα δικαιώματά σας",
    "rights_body",
      "Έχετε δικαίωμα πρόσβασης στα δεδομένα σας, διόρθωσης, "
      "διαγραφής και περιορισμού της επεξεργασίας, δικαίωμα "
      "εναντίωσης και φορητότητας. Μπορείτε να ανακαλέσετε τη "
      "συγκατάθεσή σας οποιαδήποτε στιγμή, τόσο εύκολα όσο τη "
      "δώσατε· αυτό δεν θίγει την επεξεργασία πριν από την "
      "ανάκληση. Αναφέρετε το αναγνωριστικό συγκατάθεσής σας όταν "
      "επικοινωνείτε μαζί μας.",
    "rights_complaint",
      "Έχετε επίσης δικαίωμα να υποβάλετε καταγγελία σε εποπτική "
      "αρχή προστασίας δεδομένων, ιδίως στο κράτος μέλος της ΕΕ "
      "όπου ζείτε ή εργάζεστε.",
    "rights_authority",
      "Έχετε επίσης δικαίωμα να υποβάλετε καταγγελία σε εποπτική "
      "αρχή προστασίας δεδομένων, ιδίως: {authority}.",
    "session",
      "μέχρι να κλείσει το πρόγραμμα περιήγησης",
    "privacy_choices",
      "Οι επιλογές απορρήτου σας",
    "do_not_sell",
      "Να μην πωλούνται ούτε να κοινοποιούνται τα προσωπικά μου "
      "δεδομένα",
    "opt_out_honored",
      "Η εναντίωση έγινε σεβαστή",
    "notice_title",
      "Cookies σε αυτόν τον ιστότοπο",
    "notice_body",
      "Ο ιστότοπος χρησιμοποιεί cookies και παρόμοιες τεχνολογίες, "
      "και των υπηρεσιών που αναφέρονται στην ενημέρωση για το "
      "απόρρητο.",
    "notice_ok",
      "OK",
    "placeholder_body",
      "Το περιεχόμενο αυτό παρέχεται από {provider}. Αν το "
      "φορτώσετε, {provider} μπορεί να ορίσει cookies και να μάθει "
      "ότι επισκέπτεστε αυτή τη σελίδα.",
    "load_once",
      "Φόρτωση μία φορά",
    "always_allow",
      "Να επιτρέπεται πάντα: {service}",
    NULL
};


/* Spanish */
static const char *const  consent_text_es[] = {
    "settings",
      "Configuración de cookies",
    "preferences_title",
      "Preferencias de privacidad",
    "preferences_body",
      "Elija qué categorías de cookies y servicios permite. Puede "
      "cambiar su elección en cualquier momento.",
    "close",
      "Cerrar",
    "privacy_title",
      "Aviso de privacidad",
    "page_intro",
      "Este aviso explica qué datos personales trata este sitio "
      "mediante cookies y tecnologías similares, con qué fines, "
      "sobre qué base jurídica, quién los recibe, cuánto tiempo se "
      "conservan y qué derechos tiene usted.",
    "cookies_title",
      "Finalidades, bases jurídicas y destinatarios",
    "always_on",
      "Siempre activas",
    "services_title",
      "Servicios",
    "controller_title",
      "Responsable del tratamiento",
    "dpo_title",
      "Delegado de protección de datos",
    "current_choice",
      "Su elección actual",
    "withdraw",
      "Retirar el consentimiento",
    "provider",
      "Proveedor",
    "service",
      "Servicio",
    "purpose",
      "Finalidad",
    "cookies",
      "Cookies y plazo de conservación",
    "privacy_url",
      "Política de privacidad del proveedor",
    "transfer",
      "País y garantía",
    "recipients",
      "Destinatarios",
    "no_services",
      "Ningún servicio de terceros.",
    "no_decision",
      "Todavía no ha hecho ninguna elección.",
    "granted",
      "Permitido",
    "denied",
      "No permitido",
    "gpc_notice",
      "Su navegador envía una señal Global Privacy Control: las "
      "categorías que venden o comparten datos permanecen "
      "desactivadas salvo que usted las active aquí.",
    "decided_on",
      "Su elección del {date}, ID de consentimiento {id}.",
    "back_to_site",
      "Volver al sitio",
    "legal_basis",
      "Base jurídica:",
    "basis_consent",
      "su consentimiento (art. 6.1.a del RGPD; para almacenar y "
      "leer información en su dispositivo, art. 5.3 de la "
      "Directiva sobre privacidad electrónica). Puede retirarlo en "
      "cualquier momento.",
    "basis_necessary",
      "estrictamente necesarias para prestar el servicio que usted "
      "ha solicitado (art. 5.3 de la Directiva sobre privacidad "
      "electrónica) y nuestro interés legítimo en un sitio que "
      "funcione y sea seguro (art. 6.1.f del RGPD).",
    "own_title",
      "Cómo registramos su elección",
    "own_cookie",
      "Su elección se guarda en su navegador en una cookie firmada "
      "llamada «{name}» durante {duration}. Contiene un ID de "
      "consentimiento aleatorio, la fecha, la versión de este "
      "aviso y las categorías que ha permitido, nada más.",
    "own_record",
      "Para poder demostrar su consentimiento, registramos cada "
      "elección: el ID de consentimiento, la hora, la elección, la "
      "versión de los textos mostrados, su dirección IP acortada "
      "de modo que ya no le identifica y la identificación de su "
      "navegador.",
    "own_record_ip",
      "Para poder demostrar su consentimiento, registramos cada "
      "elección: el ID de consentimiento, la hora, la elección, la "
      "versión de los textos mostrados, su dirección IP y la "
      "identificación de su navegador.",
    "own_record_no_ip",
      "Para poder demostrar su consentimiento, registramos cada "
      "elección: el ID de consentimiento, la hora, la elección, la "
      "versión de los textos mostrados y la identificación de su "
      "navegador.",
    "own_retention",
      "Estos registros se conservan durante {duration}.",
    "rights_title",
      "Sus derechos",
    "rights_body",
      "Tiene derecho a acceder a sus datos, a rectificarlos o "
      "suprimirlos, a limitar su tratamiento, a oponerse a él y a "
      "la portabilidad. Puede retirar su consentimiento en "
      "cualquier momento, con la misma facilidad con que lo dio; "
      "ello no afecta al tratamiento anterior a la retirada. "
      "Indique su ID de consentimiento cuando se ponga en contacto "
      "con nosotros.",
    "rights_complaint",
      "También tiene derecho a presentar una reclamación ante una "
      "autoridad de control de protección de datos, en particular "
      "en el Estado miembro de la UE donde vive o trabaja.",
    "rights_authority",
      "También tiene derecho a presentar una reclamación ante una "
      "autoridad de control de protección de datos, en particular: "
      "{authority}.",
    "session",
      "hasta que se cierre el navegador",
    "privacy_choices",
      "Sus opciones de privacidad",
    "do_not_sell",
      "No vender ni compartir mi información personal",
    "opt_out_honored",
      "Solicitud de exclusión atendida",
    "notice_title",
      "Cookies en este sitio",
    "notice_body",
      "Este sitio utiliza cookies y tecnologías similares, "
      "incluidas las de los servicios que enumera nuestra política "
      "de privacidad.",
    "notice_ok",
      "De acuerdo",
    "placeholder_body",
      "Este contenido lo proporciona {provider}. Al cargarlo, "
      "{provider} puede instalar cookies y saber que usted visita "
      "esta página.",
    "load_once",
      "Cargar una vez",
    "always_allow",
      "Permitir siempre {service}",
    NULL
};


/* Estonian */
static const char *const  consent_text_et[] = {
    "settings",
      "Küpsiste seaded",
    "preferences_title",
      "Privaatsuse eelistused",
    "preferences_body",
      "Valige, milliseid küpsiste ja teenuste kategooriaid lubate. "
      "Saate oma valikut igal ajal muuta.",
    "close",
      "Sulge",
    "privacy_title",
      "Privaatsusteade",
    "page_intro",
      "See teade selgitab, milliseid isikuandmeid see veebisait "
      "küpsiste ja sarnaste tehnoloogiate abil töötleb, mis "
      "eesmärgil, millisel õiguslikul alusel, kes neid saab, kui "
      "kaua neid säilitatakse ja millised õigused teil on.",
    "cookies_title",
      "Eesmärgid, õiguslikud alused ja vastuvõtjad",
    "always_on",
      "Alati aktiivsed",
    "services_title",
      "Teenused",
    "controller_title",
      "Vastutav töötleja",
    "dpo_title",
      "Andmekaitseametnik",
    "current_choice",
      "Teie praegune valik",
    "withdraw",
      "Võta nõusolek tagasi",
    "provider",
      "Teenusepakkuja",
    "service",
      "Teenus",
    "purpose",
      "Eesmärk",
    "cookies",
      "Küpsised ja säilitamisaeg",
    "privacy_url",
      "Teenusepakkuja privaatsuspoliitika",
    "transfer",
      "Riik ja kaitsemeede",
    "recipients",
      "Vastuvõtjad",
    "no_services",
      "Kolmandate osapoolte teenuseid pole.",
    "no_decision",
      "Te pole veel valikut teinud.",
    "granted",
      "Lubatud",
    "denied",
      "Keelatud",
    "gpc_notice",
      "Teie brauser saadab Global Privacy Control signaali: "
      "andmeid müüvad või jagavad kategooriad jäävad välja "
      "lülitatuks, kui te neid siin sisse ei lülita.",
    "decided_on",
      "Teie valik {date}, nõusoleku ID {id}.",
    "back_to_site",
      "Tagasi veebisaidile",
    "legal_basis",
      "Õiguslik alus:",
    "basis_consent",
      "teie nõusolek (isikuandmete kaitse üldmääruse artikli 6 "
      "lõike 1 punkt a; teabe salvestamiseks teie seadmesse ja "
      "sealt lugemiseks e-privaatsuse direktiivi artikli 5 lõige "
      "3). Võite selle igal ajal tagasi võtta.",
    "basis_necessary",
      "rangelt vajalikud teie soovitud teenuse osutamiseks "
      "(e-privaatsuse direktiivi artikli 5 lõige 3) ja meie "
      "õigustatud huvi toimiva ja turvalise veebisaidi vastu "
      "(isikuandmete kaitse üldmääruse artikli 6 lõike 1 punkt f).",
    "own_title",
      "Kuidas me teie valikut talletame",
    "own_cookie",
      "Teie valik salvestatakse teie brauserisse allkirjastatud "
      "küpsisesse nimega „{name}“ {duration} jooksul. See sisaldab "
      "juhuslikku nõusoleku ID-d, kuupäeva, selle teate versiooni "
      "ja teie lubatud kategooriaid, mitte midagi muud.",
    "own_record",
      "Et saaksime teie nõusolekut tõendada, talletame iga valiku: "
      "nõusoleku ID, aja, valiku, näidatud tekstide versiooni, "
      "teie IP-aadressi nii lühendatuna, et see teid enam ei "
      "tuvasta, ja teie brauseri tunnuse.",
    "own_record_ip",
      "Et saaksime teie nõusolekut tõendada, talletame iga valiku: "
      "nõusoleku ID, aja, valiku, näidatud tekstide versiooni, "
      "teie IP-aadressi ja teie brauseri tunnuse.",
    "own_record_no_ip",
      "Et saaksime teie nõusolekut tõendada, talletame iga valiku: "
      "nõusoleku ID, aja, valiku, näidatud tekstide versiooni ja "
      "teie brauseri tunnuse.",
    "own_retention",
      "Neid kirjeid säilitatakse {duration}.",
    "rights_title",
      "Teie õigused",
    "rights_body",
      "Teil on õigus tutvuda oma andmetega, nõuda nende "
      "parandamist või kustutamist, piirata töötlemist, esitada "
      "vastuväiteid ja andmeid üle kanda. Võite nõusoleku igal "
      "ajal tagasi võtta sama lihtsalt, kui selle andsite; see ei "
      "mõjuta enne tagasivõtmist toimunud töötlemist. Märkige "
      "meiega ühendust võttes oma nõusoleku ID.",
    "rights_complaint",
      "Teil on ka õigus esitada kaebus andmekaitse "
      "järelevalveasutusele, eelkõige selles ELi liikmesriigis, "
      "kus te elate või töötate.",
    "rights_authority",
      "Teil on ka õigus esitada kaebus andmekaitse "
      "järelevalveasutusele, eelkõige: {authority}.",
    "session",
      "kuni brauseri sulgemiseni",
    "privacy_choices",
      "Teie privaatsusvalikud",
    "do_not_sell",
      "Ärge müüge ega jagage minu isikuandmeid",
    "opt_out_honored",
      "Vastuväide on arvesse võetud",
    "notice_title",
      "Küpsised sellel saidil",
    "notice_body",
      "See sait kasutab küpsiseid ja sarnaseid tehnoloogiaid, "
      "sealhulgas meie privaatsusteates loetletud teenuste omi.",
    "notice_ok",
      "OK",
    "placeholder_body",
      "Selle sisu pakub {provider}. Kui selle laadite, saab "
      "{provider} seada küpsiseid ja teada, et külastate seda "
      "lehte.",
    "load_once",
      "Laadi üks kord",
    "always_allow",
      "Luba alati {service}",
    NULL
};


/* Finnish */
static const char *const  consent_text_fi[] = {
    "settings",
      "Evästeasetukset",
    "preferences_title",
      "Tietosuoja-asetukset",
    "preferences_body",
      "Valitse, mitkä evästeiden ja palvelujen luokat sallit. Voit "
      "muuttaa valintaasi milloin tahansa.",
    "close",
      "Sulje",
    "privacy_title",
      "Tietosuojaseloste",
    "page_intro",
      "Tämä seloste kertoo, mitä henkilötietoja sivusto käsittelee "
      "evästeillä ja vastaavilla tekniikoilla, mihin "
      "tarkoitukseen, millä oikeusperusteella, kuka tiedot saa, "
      "kuinka kauan niitä säilytetään ja mitkä oikeudet sinulla on.",
    "cookies_title",
      "Käyttötarkoitukset, oikeusperusteet ja vastaanottajat",
    "always_on",
      "Aina käytössä",
    "services_title",
      "Palvelut",
    "controller_title",
      "Rekisterinpitäjä",
    "dpo_title",
      "Tietosuojavastaava",
    "current_choice",
      "Nykyinen valintasi",
    "withdraw",
      "Peruuta suostumus",
    "provider",
      "Palveluntarjoaja",
    "service",
      "Palvelu",
    "purpose",
      "Käyttötarkoitus",
    "cookies",
      "Evästeet ja säilytysaika",
    "privacy_url",
      "Palveluntarjoajan tietosuojakäytäntö",
    "transfer",
      "Maa ja suojatoimi",
    "recipients",
      "Vastaanottajat",
    "no_services",
      "Ei kolmansien osapuolten palveluja.",
    "no_decision",
      "Et ole vielä tehnyt valintaa.",
    "granted",
      "Sallittu",
    "denied",
      "Ei sallittu",
    "gpc_notice",
      "Selaimesi lähettää Global Privacy Control -signaalin: "
      "tietoja myyvät tai jakavat luokat pysyvät pois päältä, "
      "ellet ota niitä käyttöön tässä.",
    "decided_on",
      "Valintasi {date}, suostumustunnus {id}.",
    "back_to_site",
      "Takaisin sivustolle",
    "legal_basis",
      "Oikeusperuste:",
    "basis_consent",
      "suostumuksesi (tietosuoja-asetuksen 6 artiklan 1 kohdan a "
      "alakohta; tietojen tallentamiseen laitteellesi ja "
      "lukemiseen sieltä sähköisen viestinnän "
      "tietosuojadirektiivin 5 artiklan 3 kohta). Voit peruuttaa "
      "sen milloin tahansa.",
    "basis_necessary",
      "välttämättömiä pyytämäsi palvelun tarjoamiseksi (sähköisen "
      "viestinnän tietosuojadirektiivin 5 artiklan 3 kohta) sekä "
      "oikeutettu etumme toimivaan ja turvalliseen sivustoon "
      "(tietosuoja-asetuksen 6 artiklan 1 kohdan f alakohta).",
    "own_title",
      "Näin kirjaamme valintasi",
    "own_cookie",
      "Valintasi tallennetaan selaimeesi allekirjoitettuun "
      "evästeeseen nimeltä ”{name}” ajaksi {duration}. Se sisältää "
      "satunnaisen suostumustunnuksen, päivämäärän, tämän "
      "selosteen version ja sallimasi luokat, ei mitään muuta.",
    "own_record",
      "Jotta voimme osoittaa suostumuksesi, kirjaamme jokaisen "
      "valinnan: suostumustunnuksen, ajankohdan, valinnan, "
      "näytettyjen tekstien version, IP-osoitteesi lyhennettynä "
      "niin, ettei se enää yksilöi sinua, sekä selaimesi "
      "tunnisteen.",
    "own_record_ip",
      "Jotta voimme osoittaa suostumuksesi, kirjaamme jokaisen "
      "valinnan: suostumustunnuksen, ajankohdan, valinnan, "
      "näytettyjen tekstien version, IP-osoitteesi sekä selaimesi "
      "tunnisteen.",
    "own_record_no_ip",
      "Jotta voimme osoittaa suostumuksesi, kirjaamme jokaisen "
      "valinnan: suostumustunnuksen, ajankohdan, valinnan, "
      "näytettyjen tekstien version sekä selaimesi tunnisteen.",
    "own_retention",
      "Kirjauksia säilytetään {duration}.",
    "rights_title",
      "Oikeutesi",
    "rights_body",
      "Sinulla on oikeus saada pääsy tietoihisi, oikaista tai "
      "poistaa ne, rajoittaa niiden käsittelyä, vastustaa "
      "käsittelyä ja siirtää tiedot järjestelmästä toiseen. Voit "
      "peruuttaa suostumuksesi milloin tahansa yhtä helposti kuin "
      "annoit sen; se ei vaikuta ennen peruuttamista tehtyyn "
      "käsittelyyn. Mainitse suostumustunnuksesi, kun otat meihin "
      "yhteyttä.",
    "rights_complaint",
      "Sinulla on myös oikeus tehdä valitus tietosuojaa valvovalle "
      "viranomaiselle, erityisesti siinä EU-maassa, jossa asut tai "
      "työskentelet.",
    "rights_authority",
      "Sinulla on myös oikeus tehdä valitus tietosuojaa valvovalle "
      "viranomaiselle, erityisesti: {authority}.",
    "session",
      "kunnes selain suljetaan",
    "privacy_choices",
      "Tietosuojavalintasi",
    "do_not_sell",
      "Älä myy tai jaa henkilötietojani",
    "opt_out_honored",
      "Kieltopyyntö huomioitu",
    "notice_title",
      "Evästeet tällä sivustolla",
    "notice_body",
      "Tämä sivusto käyttää evästeitä ja vastaavia tekniikoita, "
      "myös tietosuojaselosteessamme lueteltujen palvelujen "
      "evästeitä.",
    "notice_ok",
      "OK",
    "placeholder_body",
      "Tämän sisällön tarjoaa {provider}. Jos lataat sen, "
      "{provider} voi tallentaa evästeitä ja saada tietää, että "
      "vierailet tällä sivulla.",
    "load_once",
      "Lataa kerran",
    "always_allow",
      "Salli aina {service}",
    NULL
};


/* French */
static const char *const  consent_text_fr[] = {
    "settings",
      "Paramètres des cookies",
    "preferences_title",
      "Préférences de confidentialité",
    "preferences_body",
      "Choisissez les catégories de cookies et de services que "
      "vous autorisez. Vous pouvez modifier votre choix à tout "
      "moment.",
    "close",
      "Fermer",
    "privacy_title",
      "Politique de confidentialité",
    "page_intro",
      "Cette notice explique quelles données personnelles ce site "
      "traite au moyen de cookies et de technologies similaires, à "
      "quelles fins, sur quelle base légale, qui les reçoit, "
      "combien de temps elles sont conservées et quels sont vos "
      "droits.",
    "cookies_title",
      "Finalités, bases légales et destinataires",
    "always_on",
      "Toujours actifs",
    "services_title",
      "Services",
    "controller_title",
      "Responsable du traitement",
    "dpo_title",
      "Délégué à la protection des données",
    "current_choice",
      "Votre choix actuel",
    "withdraw",
      "Retirer mon consentement",
    "provider",
      "Fournisseur",
    "service",
      "Service",
    "purpose",
      "Finalité",
    "cookies",
      "Cookies et durée de conservation",
    "privacy_url",
      "Politique de confidentialité du fournisseur",
    "transfer",
      "Pays et garantie",
    "recipients",
      "Destinataires",
    "no_services",
      "Aucun service tiers.",
    "no_decision",
      "Vous n’avez pas encore fait de choix.",
    "granted",
      "Autorisé",
    "denied",
      "Refusé",
    "gpc_notice",
      "Votre navigateur envoie un signal Global Privacy Control : "
      "les catégories qui vendent ou partagent des données restent "
      "désactivées, sauf si vous les activez ici.",
    "decided_on",
      "Votre choix du {date}, identifiant de consentement {id}.",
    "back_to_site",
      "Retour au site",
    "legal_basis",
      "Base légale :",
    "basis_consent",
      "votre consentement (art. 6, par. 1, point a) du RGPD ; pour "
      "le dépôt et la lecture d’informations sur votre appareil, "
      "art. 5, par. 3 de la directive ePrivacy). Vous pouvez le "
      "retirer à tout moment.",
    "basis_necessary",
      "strictement nécessaires pour fournir le service que vous "
      "avez demandé (art. 5, par. 3 de la directive ePrivacy) et "
      "notre intérêt légitime à disposer d’un site fonctionnel et "
      "sûr (art. 6, par. 1, point f) du RGPD).",
    "own_title",
      "Comment nous enregistrons votre choix",
    "own_cookie",
      "Votre choix est conservé dans votre navigateur, dans un "
      "cookie signé nommé « {name} », pendant {duration}. Il "
      "contient un identifiant de consentement aléatoire, la date, "
      "la version de cette notice et les catégories autorisées, "
      "rien d’autre.",
    "own_record",
      "Pour pouvoir prouver votre consentement, nous consignons "
      "chaque choix : identifiant de consentement, heure, choix, "
      "version des textes affichés, votre adresse IP tronquée de "
      "sorte qu’elle ne vous identifie plus, et l’identification "
      "de votre navigateur.",
    "own_record_ip",
      "Pour pouvoir prouver votre consentement, nous consignons "
      "chaque choix : identifiant de consentement, heure, choix, "
      "version des textes affichés, votre adresse IP et "
      "l’identification de votre navigateur.",
    "own_record_no_ip",
      "Pour pouvoir prouver votre consentement, nous consignons "
      "chaque choix : identifiant de consentement, heure, choix, "
      "version des textes affichés et l’identification de votre "
      "navigateur.",
    "own_retention",
      "Ces enregistrements sont conservés pendant {duration}.",
    "rights_title",
      "Vos droits",
    "rights_body",
      "Vous disposez d’un droit d’accès à vos données, de "
      "rectification, d’effacement, de limitation du traitement, "
      "d’opposition et de portabilité. Vous pouvez retirer votre "
      "consentement à tout moment, aussi simplement que vous "
      "l’avez donné ; cela n’affecte pas la licéité du traitement "
      "effectué avant le retrait. Indiquez votre identifiant de "
      "consentement lorsque vous nous contactez.",
    "rights_complaint",
      "Vous avez également le droit d’introduire une réclamation "
      "auprès d’une autorité de contrôle de la protection des "
      "données, notamment dans l’État membre de l’UE où vous "
      "résidez ou travaillez.",
    "rights_authority",
      "Vous avez également le droit d’introduire une réclamation "
      "auprès d’une autorité de contrôle de la protection des "
      "données, notamment : {authority}.",
    "session",
      "jusqu’à la fermeture du navigateur",
    "privacy_choices",
      "Vos choix en matière de confidentialité",
    "do_not_sell",
      "Ne pas vendre ni partager mes informations personnelles",
    "opt_out_honored",
      "Demande d'opposition respectée",
    "notice_title",
      "Cookies sur ce site",
    "notice_body",
      "Ce site utilise des cookies et des technologies similaires, "
      "dont ceux des services listés dans notre politique de "
      "confidentialité.",
    "notice_ok",
      "OK",
    "placeholder_body",
      "Ce contenu est fourni par {provider}. Le charger permet à "
      "{provider} de déposer des cookies et de savoir que vous "
      "consultez cette page.",
    "load_once",
      "Charger une fois",
    "always_allow",
      "Toujours autoriser {service}",
    NULL
};


/* Irish */
static const char *const  consent_text_ga[] = {
    "settings",
      "Socruithe fianán",
    "preferences_title",
      "Roghanna príobháideachta",
    "preferences_body",
      "Roghnaigh na catagóirí fianán agus seirbhísí a cheadaíonn "
      "tú. Is féidir leat do rogha a athrú am ar bith.",
    "close",
      "Dún",
    "privacy_title",
      "Fógra príobháideachta",
    "page_intro",
      "Míníonn an fógra seo cé na sonraí pearsanta a phróiseálann "
      "an suíomh seo le fianáin agus le teicneolaíochtaí "
      "comhchosúla, cén fáth, ar cén bunús dlí, cé a fhaigheann "
      "iad, cá fhad a choinnítear iad agus cé na cearta atá agat.",
    "cookies_title",
      "Críocha, bunúis dlí agus faighteoirí",
    "always_on",
      "Gníomhach i gcónaí",
    "services_title",
      "Seirbhísí",
    "controller_title",
      "Rialaitheoir",
    "dpo_title",
      "Oifigeach cosanta sonraí",
    "current_choice",
      "Do rogha reatha",
    "withdraw",
      "Tarraing siar an toiliú",
    "provider",
      "Soláthraí",
    "service",
      "Seirbhís",
    "purpose",
      "Críoch",
    "cookies",
      "Fianáin agus tréimhse choinneála",
    "privacy_url",
      "Beartas príobháideachta an tsoláthraí",
    "transfer",
      "Tír agus coimirce",
    "recipients",
      "Faighteoirí",
    "no_services",
      "Gan seirbhísí tríú páirtí.",
    "no_decision",
      "Níl rogha déanta agat fós.",
    "granted",
      "Ceadaithe",
    "denied",
      "Gan cheadú",
    "gpc_notice",
      "Seolann do bhrabhsálaí comhartha Global Privacy Control: "
      "fanann catagóirí a dhíolann nó a roinneann sonraí múchta "
      "mura gcasann tú air iad anseo.",
    "decided_on",
      "Do rogha ó {date}, aitheantas toilithe {id}.",
    "back_to_site",
      "Ar ais chuig an suíomh",
    "legal_basis",
      "Bunús dlí:",
    "basis_consent",
      "do thoiliú (Airteagal 6(1)(a) den RGCS; chun faisnéis a "
      "stóráil ar do ghléas agus í a léamh, Airteagal 5(3) den "
      "Treoir um Príobháideacht agus Cumarsáid Leictreonach). Is "
      "féidir leat é a tharraingt siar am ar bith.",
    "basis_necessary",
      "fíor-riachtanach chun an tseirbhís a d’iarr tú a sholáthar "
      "(Airteagal 5(3) den Treoir um Príobháideacht agus Cumarsáid "
      "Leictreonach) agus ár leas dlisteanach i suíomh a oibríonn "
      "go slán (Airteagal 6(1)(f) den RGCS).",
    "own_title",
      "Conas a thaifeadaimid do rogha",
    "own_cookie",
      "Stóráiltear do rogha i do bhrabhsálaí i bhfianán sínithe "
      "darb ainm “{name}” ar feadh {duration}. Tá aitheantas "
      "toilithe randamach, an dáta, leagan an fhógra seo agus na "
      "catagóirí a cheadaigh tú ann, agus faic eile.",
    "own_record",
      "Chun go mbeimid in ann do thoiliú a chruthú, taifeadaimid "
      "gach rogha: an t-aitheantas toilithe, an t-am, an rogha, "
      "leagan na dtéacsanna a taispeánadh, do sheoladh IP "
      "giorraithe ionas nach n-aithníonn sé thú a thuilleadh, agus "
      "aitheantas do bhrabhsálaí.",
    "own_record_ip",
      "Chun go mbeimid in ann do thoiliú a chruthú, taifeadaimid "
      "gach rogha: an t-aitheantas toilithe, an t-am, an rogha, "
      "leagan na dtéacsanna a taispeánadh, do sheoladh IP agus "
      "aitheantas do bhrabhsálaí.",
    "own_record_no_ip",
      "Chun go mbeimid in ann do thoiliú a chruthú, taifeadaimid "
      "gach rogha: an t-aitheantas toilithe, an t-am, an rogha, "
      "leagan na dtéacsanna a taispeánadh agus aitheantas do "
      "bhrabhsálaí.",
    "own_retention",
      "Coinnítear na taifid seo ar feadh {duration}.",
    "rights_title",
      "Do chearta",
    "rights_body",
      "Tá sé de cheart agat rochtain a fháil ar do shonraí, iad a "
      "cheartú nó a scriosadh, srian a chur ar a bpróiseáil, agóid "
      "a dhéanamh agus iad a iniompar. Is féidir leat do thoiliú a "
      "tharraingt siar am ar bith chomh héasca agus a thug tú é; "
      "ní dhéanann sé sin difear don phróiseáil roimh an tarraingt "
      "siar. Luaigh d’aitheantas toilithe nuair a dhéanann tú "
      "teagmháil linn.",
    "rights_complaint",
      "Tá sé de cheart agat freisin gearán a dhéanamh chuig údarás "
      "maoirseachta cosanta sonraí, go háirithe sa Bhallstát den "
      "AE ina gcónaíonn nó ina n-oibríonn tú.",
    "rights_authority",
      "Tá sé de cheart agat freisin gearán a dhéanamh chuig údarás "
      "maoirseachta cosanta sonraí, go háirithe: {authority}.",
    "session",
      "go ndúntar an brabhsálaí",
    "privacy_choices",
      "Do roghanna príobháideachta",
    "do_not_sell",
      "Ná díol ná roinn mo chuid faisnéise pearsanta",
    "opt_out_honored",
      "Tugadh aird ar an iarratas diúltaithe",
    "notice_title",
      "Fianáin ar an suíomh seo",
    "notice_body",
      "Úsáideann an suíomh seo fianáin agus teicneolaíochtaí "
      "comhchosúla, lena n-áirítear iad siúd de chuid na seirbhísí "
      "atá liostaithe inár bhfógra príobháideachta.",
    "notice_ok",
      "OK",
    "placeholder_body",
      "Is é {provider} a sholáthraíonn an t-ábhar seo. Má lódálann "
      "tú é, féadfaidh {provider} fianáin a shocrú agus fios a "
      "fháil go dtugann tú cuairt ar an leathanach seo.",
    "load_once",
      "Lódáil uair amháin",
    "always_allow",
      "Ceadaigh {service} i gcónaí",
    NULL
};


/* Hebrew */
static const char *const  consent_text_he[] = {
    "settings",
      "הגדרות עוגיות",
    "preferences_title",
      "העדפות פרטיות",
    "preferences_body",
      "בחרו אילו קטגוריות של עוגיות ושירותים אתם מתירים. אפשר "
      "לשנות את הבחירה בכל עת.",
    "close",
      "סגירה",
    "privacy_title",
      "הודעת פרטיות",
    "page_intro",
      "הודעה זו מסבירה אילו נתונים אישיים האתר מעבד באמצעות עוגיות "
      "וטכנולוגיות דומות, לאילו מטרות, על איזה בסיס משפטי, מי מקבל "
      "אותם, כמה זמן הם נשמרים ואילו זכויות יש לכם.",
    "cookies_title",
      "מטרות, בסיסים משפטיים ונמענים",
    "always_on",
      "פעילות תמיד",
    "services_title",
      "שירותים",
    "controller_title",
      "בעל השליטה במידע",
    "dpo_title",
      "ממונה הגנת הפרטיות",
    "current_choice",
      "הבחירה הנוכחית שלכם",
    "withdraw",
      "ביטול ההסכמה",
    "provider",
      "ספק",
    "service",
      "שירות",
    "purpose",
      "מטרה",
    "cookies",
      "עוגיות ותקופת שמירה",
    "privacy_url",
      "מדיניות הפרטיות של הספק",
    "transfer",
      "מדינה ואמצעי הגנה",
    "recipients",
      "נמענים",
    "no_services",
      "אין שירותי צד שלישי.",
    "no_decision",
      "עדיין לא בחרתם.",
    "granted",
      "מותר",
    "denied",
      "לא מותר",
    "gpc_notice",
      "הדפדפן שלכם שולח אות Global Privacy Control: קטגוריות "
      "שמוכרות או משתפות נתונים נשארות כבויות אלא אם תפעילו אותן "
      "כאן.",
    "decided_on",
      "הבחירה שלכם מ־{date}, מזהה הסכמה {id}.",
    "back_to_site",
      "חזרה לאתר",
    "legal_basis",
      "בסיס משפטי:",
    "basis_consent",
      "הסכמתכם (סעיף 6(1)(א) ל־GDPR; לשמירת מידע במכשירכם "
      "ולקריאתו, סעיף 5(3) להנחיית הפרטיות האלקטרונית). אפשר לבטל "
      "אותה בכל עת.",
    "basis_necessary",
      "הכרחיות לחלוטין למתן השירות שביקשתם (סעיף 5(3) להנחיית "
      "הפרטיות האלקטרונית) והאינטרס הלגיטימי שלנו באתר תקין "
      "ומאובטח (סעיף 6(1)(ו) ל־GDPR).",
    "own_title",
      "כיצד אנו מתעדים את בחירתכם",
    "own_cookie",
      "הבחירה שלכם נשמרת בדפדפן בעוגייה חתומה בשם „{name}” למשך "
      "{duration}. היא מכילה מזהה הסכמה אקראי, את התאריך, את גרסת "
      "הודעה זו ואת הקטגוריות שהתרתם, ותו לא.",
    "own_record",
      "כדי שנוכל להוכיח את הסכמתכם, אנו מתעדים כל בחירה: מזהה "
      "ההסכמה, השעה, הבחירה, גרסת הטקסטים שהוצגו, כתובת ה־IP שלכם "
      "מקוצרת כך שאינה מזהה אתכם עוד, ומזהה הדפדפן שלכם.",
    "own_record_ip",
      "כדי שנוכל להוכיח את הסכמתכם, אנו מתעדים כל בחירה: מזהה "
      "ההסכמה, השעה, הבחירה, גרסת הטקסטים שהוצגו, כתובת ה־IP שלכם "
      "ומזהה הדפדפן שלכם.",
    "own_record_no_ip",
      "כדי שנוכל להוכיח את הסכמתכם, אנו מתעדים כל בחירה: מזהה "
      "ההסכמה, השעה, הבחירה, גרסת הטקסטים שהוצגו ומזהה הדפדפן שלכם.",
    "own_retention",
      "רשומות אלה נשמרות למשך {duration}.",
    "rights_title",
      "הזכויות שלכם",
    "rights_body",
      "יש לכם זכות לעיין בנתונים עליכם, לתקן או למחוק אותם, להגביל "
      "את עיבודם, להתנגד לו ולקבל אותם בפורמט נייד. אפשר לבטל את "
      "ההסכמה בכל עת, בקלות שבה ניתנה; הדבר אינו משפיע על העיבוד "
      "שנעשה לפני הביטול. ציינו את מזהה ההסכמה כשאתם פונים אלינו.",
    "rights_complaint",
      "יש לכם גם זכות להגיש תלונה לרשות פיקוח על הגנת נתונים, בפרט "
      "במדינה שבה אתם גרים או עובדים.",
    "rights_authority",
      "יש לכם גם זכות להגיש תלונה לרשות פיקוח על הגנת נתונים, "
      "בפרט: {authority}.",
    "session",
      "עד לסגירת הדפדפן",
    "privacy_choices",
      "אפשרויות הפרטיות שלכם",
    "do_not_sell",
      "אל תמכרו ואל תשתפו את המידע האישי שלי",
    "opt_out_honored",
      "בקשת ההתנגדות כובדה",
    "notice_title",
      "עוגיות באתר זה",
    "notice_body",
      "אתר זה משתמש בעוגיות ובטכנולוגיות דומות, כולל של השירותים "
      "המפורטים בהודעת הפרטיות שלנו.",
    "notice_ok",
      "אישור",
    "placeholder_body",
      "תוכן זה מסופק על ידי {provider}. טעינתו מאפשרת ל־{provider} "
      "לשמור עוגיות ולדעת שאתם מבקרים בדף זה.",
    "load_once",
      "טעינה חד־פעמית",
    "always_allow",
      "לאפשר תמיד את {service}",
    NULL
};


/* Croatian */
static const char *const  consent_text_hr[] = {
    "settings",
      "Postavke kolačića",
    "preferences_title",
      "Postavke privatnosti",
    "preferences_body",
      "Odaberite koje kategorije kolačića i usluga dopuštate. Svoj "
      "odabir možete promijeniti u bilo kojem trenutku.",
    "close",
      "Zatvori",
    "privacy_title",
      "Obavijest o privatnosti",
    "page_intro",
      "Ova obavijest objašnjava koje osobne podatke ova stranica "
      "obrađuje kolačićima i sličnim tehnologijama, u koje svrhe, "
      "na kojoj pravnoj osnovi, tko ih prima, koliko se dugo "
      "čuvaju i koja su vaša prava.",
    "cookies_title",
      "Svrhe, pravne osnove i primatelji",
    "always_on",
      "Uvijek aktivni",
    "services_title",
      "Usluge",
    "controller_title",
      "Voditelj obrade",
    "dpo_title",
      "Službenik za zaštitu podataka",
    "current_choice",
      "Vaš trenutačni odabir",
    "withdraw",
      "Povuci privolu",
    "provider",
      "Pružatelj",
    "service",
      "Usluga",
    "purpose",
      "Svrha",
    "cookies",
      "Kolačići i razdoblje čuvanja",
    "privacy_url",
      "Pravila privatnosti pružatelja",
    "transfer",
      "Zemlja i zaštitna mjera",
    "recipients",
      "Primatelji",
    "no_services",
      "Nema usluga trećih strana.",
    "no_decision",
      "Još niste odabrali.",
    "granted",
      "Dopušteno",
    "denied",
      "Nije dopušteno",
    "gpc_notice",
      "Vaš preglednik šalje signal Global Privacy Control: "
      "kategorije koje prodaju ili dijele podatke ostaju "
      "isključene osim ako ih ovdje ne uključite.",
    "decided_on",
      "Vaš odabir od {date}, ID privole {id}.",
    "back_to_site",
      "Natrag na stranicu",
    "legal_basis",
      "Pravna osnova:",
    "basis_consent",
      "vaša privola (članak 6. stavak 1. točka (a) Opće uredbe o "
      "zaštiti podataka; za pohranu i čitanje informacija na vašem "
      "uređaju članak 5. stavak 3. Direktive o privatnosti i "
      "elektroničkim komunikacijama). Možete je povući u bilo "
      "kojem trenutku.",
    "basis_necessary",
      "nužni za pružanje usluge koju ste zatražili (članak 5. "
      "stavak 3. Direktive o privatnosti i elektroničkim "
      "komunikacijama) i naš legitimni interes za ispravnu i "
      "sigurnu stranicu (članak 6. stavak 1. točka (f) Opće uredbe "
      "o zaštiti podataka).",
    "own_title",
      "Kako bilježimo vaš odabir",
    "own_cookie",
      "Vaš se odabir čuva u vašem pregledniku u potpisanom "
      "kolačiću naziva „{name}” tijekom {duration}. Sadrži "
      "nasumični ID privole, datum, verziju ove obavijesti i "
      "kategorije koje ste dopustili, ništa drugo.",
    "own_record",
      "Kako bismo mogli dokazati vašu privolu, bilježimo svaki "
      "odabir: ID privole, vrijeme, odabir, verziju prikazanih "
      "tekstova, vašu IP adresu skraćenu tako da vas više ne "
      "identificira i identifikaciju vašeg preglednika.",
    "own_record_ip",
      "Kako bismo mogli dokazati vašu privolu, bilježimo svaki "
      "odabir: ID privole, vrijeme, odabir, verziju prikazanih "
      "tekstova, vašu IP adresu i identifikaciju vašeg preglednika.",
    "own_record_no_ip",
      "Kako bismo mogli dokazati vašu privolu, bilježimo svaki "
      "odabir: ID privole, vrijeme, odabir, verziju prikazanih "
      "tekstova i identifikaciju vašeg preglednika.",
    "own_retention",
      "Ti se zapisi čuvaju {duration}.",
    "rights_title",
      "Vaša prava",
    "rights_body",
      "Imate pravo na pristup svojim podacima, na ispravak, "
      "brisanje i ograničenje obrade, pravo na prigovor i na "
      "prenosivost podataka. Privolu možete povući u bilo kojem "
      "trenutku jednako lako kao što ste je dali; to ne utječe na "
      "obradu prije povlačenja. Navedite svoj ID privole kad nam "
      "se obratite.",
    "rights_complaint",
      "Imate i pravo podnijeti pritužbu nadzornom tijelu za "
      "zaštitu podataka, osobito u državi članici EU-a u kojoj "
      "živite ili radite.",
    "rights_authority",
      "Imate i pravo podnijeti pritužbu nadzornom tijelu za "
      "zaštitu podataka, osobito: {authority}.",
    "session",
      "do zatvaranja preglednika",
    "privacy_choices",
      "Vaši izbori privatnosti",
    "do_not_sell",
      "Nemojte prodavati ni dijeliti moje osobne podatke",
    "opt_out_honored",
      "Prigovor je uvažen",
    "notice_title",
      "Kolačići na ovoj stranici",
    "notice_body",
      "Ova stranica koristi kolačiće i slične tehnologije, "
      "uključujući one usluga navedenih u našoj obavijesti o "
      "privatnosti.",
    "notice_ok",
      "U redu",
    "placeholder_body",
      "Ovaj sadržaj pruža {provider}. Ako ga učitate, {provider} "
      "može postaviti kolačiće i saznati da posjećujete ovu "
      "stranicu.",
    "load_once",
      "Učitaj jednom",
    "always_allow",
      "Uvijek dopusti {service}",
    NULL
};


/* Hungarian */
static const char *const  consent_text_hu[] = {
    "settings",
      "Sütibeállítások",
    "preferences_title",
      "Adatvédelmi beállítások",
    "preferences_body",
      "Válassza ki, mely süti- és szolgáltatáskategóriákat "
      "engedélyezi. Választását bármikor módosíthatja.",
    "close",
      "Bezárás",
    "privacy_title",
      "Adatkezelési tájékoztató",
    "page_intro",
      "Ez a tájékoztató elmagyarázza, milyen személyes adatokat "
      "kezel ez a webhely sütikkel és hasonló technológiákkal, "
      "milyen célból, milyen jogalapon, ki kapja meg őket, meddig "
      "őrizzük őket, és milyen jogai vannak.",
    "cookies_title",
      "Célok, jogalapok és címzettek",
    "always_on",
      "Mindig aktív",
    "services_title",
      "Szolgáltatások",
    "controller_title",
      "Adatkezelő",
    "dpo_title",
      "Adatvédelmi tisztviselő",
    "current_choice",
      "Az Ön jelenlegi választása",
    "withdraw",
      "Hozzájárulás visszavonása",
    "provider",
      "Szolgáltató",
    "service",
      "Szolgáltatás",
    "purpose",
      "Cél",
    "cookies",
      "Sütik és megőrzési idő",
    "privacy_url",
      "A szolgáltató adatvédelmi szabályzata",
    "transfer",
      "Ország és garancia",
    "recipients",
      "Címzettek",
    "no_services",
      "Nincs harmadik féltől származó szolgáltatás.",
    "no_decision",
      "Még nem választott.",
    "granted",
      "Engedélyezve",
    "denied",
      "Nincs engedélyezve",
    "gpc_notice",
      "Böngészője Global Privacy Control jelzést küld: az adatokat "
      "eladó vagy megosztó kategóriák kikapcsolva maradnak, hacsak "
      "itt be nem kapcsolja őket.",
    "decided_on",
      "Az Ön {date} időpontban tett választása, "
      "hozzájárulás-azonosító: {id}.",
    "back_to_site",
      "Vissza a webhelyre",
    "legal_basis",
      "Jogalap:",
    "basis_consent",
      "az Ön hozzájárulása (GDPR 6. cikk (1) bekezdés a) pont; az "
      "eszközén történő információtároláshoz és -hozzáféréshez az "
      "elektronikus hírközlési adatvédelmi irányelv 5. cikk (3) "
      "bekezdése). Bármikor visszavonhatja.",
    "basis_necessary",
      "feltétlenül szükségesek az Ön által kért szolgáltatás "
      "nyújtásához (az elektronikus hírközlési adatvédelmi "
      "irányelv 5. cikk (3) bekezdése), valamint jogos érdekünk a "
      "működő, biztonságos webhelyhez (GDPR 6. cikk (1) bekezdés "
      "f) pont).",
    "own_title",
      "Hogyan rögzítjük a választását",
    "own_cookie",
      "Választását böngészőjében egy „{name}” nevű, aláírt sütiben "
      "tároljuk {duration} időtartamra. Ez egy véletlenszerű "
      "hozzájárulás-azonosítót, a dátumot, e tájékoztató verzióját "
      "és az engedélyezett kategóriákat tartalmazza, semmi mást.",
    "own_record",
      "Hogy hozzájárulását igazolni tudjuk, minden választást "
      "rögzítünk: a hozzájárulás-azonosítót, az időpontot, a "
      "választást, a megjelenített szövegek verzióját, az IP-címét "
      "olyan rövidítve, hogy már ne azonosítsa Önt, valamint "
      "böngészője azonosítóját.",
    "own_record_ip",
      "Hogy hozzájárulását igazolni tudjuk, minden választást "
      "rögzítünk: a hozzájárulás-azonosítót, az időpontot, a "
      "választást, a megjelenített szövegek verzióját, az IP-címét "
      "és böngészője azonosítóját.",
    "own_record_no_ip",
      "Hogy hozzájárulását igazolni tudjuk, minden választást "
      "rögzítünk: a hozzájárulás-azonosítót, az időpontot, a "
      "választást, a megjelenített szövegek verzióját és "
      "böngészője azonosítóját.",
    "own_retention",
      "Ezeket a nyilvántartásokat {duration} ideig őrizzük.",
    "rights_title",
      "Az Ön jogai",
    "rights_body",
      "Önnek joga van adataihoz hozzáférni, azok helyesbítését, "
      "törlését és kezelésük korlátozását kérni, tiltakozni, "
      "valamint az adathordozhatósághoz. Hozzájárulását bármikor "
      "visszavonhatja, ugyanolyan egyszerűen, ahogyan megadta; ez "
      "nem érinti a visszavonás előtti adatkezelést. Ha "
      "kapcsolatba lép velünk, adja meg hozzájárulás-azonosítóját.",
    "rights_complaint",
      "Joga van továbbá panaszt tenni egy adatvédelmi felügyeleti "
      "hatóságnál, különösen abban az uniós tagállamban, ahol él "
      "vagy dolgozik.",
    "rights_authority",
      "Joga van továbbá panaszt tenni egy adatvédelmi felügyeleti "
      "hatóságnál, különösen: {authority}.",
    "session",
      "a böngésző bezárásáig",
    "privacy_choices",
      "Adatvédelmi választásai",
    "do_not_sell",
      "Ne adják el és ne osszák meg a személyes adataimat",
    "opt_out_honored",
      "Tiltakozás figyelembe véve",
    "notice_title",
      "Sütik ezen a webhelyen",
    "notice_body",
      "Ez a webhely sütiket és hasonló technológiákat használ, az "
      "adatkezelési tájékoztatónkban felsorolt szolgáltatásokéit "
      "is.",
    "notice_ok",
      "Rendben",
    "placeholder_body",
      "Ezt a tartalmat a(z) {provider} biztosítja. Ha betölti, "
      "a(z) {provider} sütiket helyezhet el, és megtudhatja, hogy "
      "Ön ezt az oldalt látogatja.",
    "load_once",
      "Betöltés egyszer",
    "always_allow",
      "{service} mindig engedélyezve",
    NULL
};


/* Icelandic */
static const char *const  consent_text_is[] = {
    "settings",
      "Vafrakökustillingar",
    "preferences_title",
      "Persónuverndarstillingar",
    "preferences_body",
      "Veldu hvaða flokka vafrakakna og þjónustu þú leyfir. Þú "
      "getur breytt vali þínu hvenær sem er.",
    "close",
      "Loka",
    "privacy_title",
      "Persónuverndartilkynning",
    "page_intro",
      "Þessi tilkynning útskýrir hvaða persónuupplýsingar vefurinn "
      "vinnur með vafrakökum og sambærilegri tækni, í hvaða "
      "tilgangi, á hvaða lagagrundvelli, hver fær þær, hversu "
      "lengi þær eru geymdar og hvaða réttindi þú hefur.",
    "cookies_title",
      "Tilgangur, lagagrundvöllur og viðtakendur",
    "always_on",
      "Alltaf virkar",
    "services_title",
      "Þjónustur",
    "controller_title",
      "Ábyrgðaraðili",
    "dpo_title",
      "Persónuverndarfulltrúi",
    "current_choice",
      "Núverandi val þitt",
    "withdraw",
      "Afturkalla samþykki",
    "provider",
      "Veitandi",
    "service",
      "Þjónusta",
    "purpose",
      "Tilgangur",
    "cookies",
      "Vafrakökur og geymslutími",
    "privacy_url",
      "Persónuverndarstefna veitanda",
    "transfer",
      "Land og trygging",
    "recipients",
      "Viðtakendur",
    "no_services",
      "Engin þjónusta þriðja aðila.",
    "no_decision",
      "Þú hefur ekki valið enn.",
    "granted",
      "Leyft",
    "denied",
      "Ekki leyft",
    "gpc_notice",
      "Vafrinn þinn sendir Global Privacy Control-merki: flokkar "
      "sem selja eða deila gögnum haldast óvirkir nema þú kveikir "
      "á þeim hér.",
    "decided_on",
      "Val þitt frá {date}, samþykkisauðkenni {id}.",
    "back_to_site",
      "Aftur á vefinn",
    "legal_basis",
      "Lagagrundvöllur:",
    "basis_consent",
      "samþykki þitt (a-liður 1. mgr. 6. gr. "
      "persónuverndarreglugerðarinnar; um geymslu og lestur "
      "upplýsinga á tækinu þínu gilda reglur um fjarskipti). Þú "
      "getur afturkallað það hvenær sem er.",
    "basis_necessary",
      "bráðnauðsynlegar til að veita þjónustuna sem þú baðst um og "
      "lögmætir hagsmunir okkar af virkum og öruggum vef (f-liður "
      "1. mgr. 6. gr. persónuverndarreglugerðarinnar).",
    "own_title",
      "Hvernig við skráum val þitt",
    "own_cookie",
      "Val þitt er geymt í vafranum í undirritaðri vafraköku sem "
      "heitir „{name}“ í {duration}. Hún inniheldur handahófskennt "
      "samþykkisauðkenni, dagsetningu, útgáfu þessarar "
      "tilkynningar og flokkana sem þú leyfðir, ekkert annað.",
    "own_record",
      "Til að geta sannað samþykki þitt skráum við hvert val: "
      "samþykkisauðkenni, tíma, val, útgáfu textanna sem voru "
      "sýndir, IP-tölu þína stytta svo að hún auðkenni þig ekki "
      "lengur og auðkenni vafrans.",
    "own_record_ip",
      "Til að geta sannað samþykki þitt skráum við hvert val: "
      "samþykkisauðkenni, tíma, val, útgáfu textanna sem voru "
      "sýndir, IP-tölu þína og auðkenni vafrans.",
    "own_record_no_ip",
      "Til að geta sannað samþykki þitt skráum við hvert val: "
      "samþykkisauðkenni, tíma, val, útgáfu textanna sem voru "
      "sýndir og auðkenni vafrans.",
    "own_retention",
      "Skráningarnar eru geymdar í {duration}.",
    "rights_title",
      "Réttindi þín",
    "rights_body",
      "Þú átt rétt á aðgangi að upplýsingum um þig, leiðréttingu, "
      "eyðingu og takmörkun vinnslu, að andmæla vinnslu og á "
      "flutningi gagna. Þú getur afturkallað samþykki þitt hvenær "
      "sem er, jafn auðveldlega og þú veittir það; það hefur ekki "
      "áhrif á vinnslu fyrir afturköllunina. Tilgreindu "
      "samþykkisauðkenni þitt þegar þú hefur samband við okkur.",
    "rights_complaint",
      "Þú átt einnig rétt á að leggja fram kvörtun hjá "
      "persónuverndaryfirvaldi, einkum í landinu þar sem þú býrð "
      "eða starfar.",
    "rights_authority",
      "Þú átt einnig rétt á að leggja fram kvörtun hjá "
      "persónuverndaryfirvaldi, einkum: {authority}.",
    "session",
      "þar til vafranum er lokað",
    "privacy_choices",
      "Persónuverndarval þitt",
    "do_not_sell",
      "Ekki selja eða deila persónuupplýsingum mínum",
    "opt_out_honored",
      "Andmælum fylgt",
    "notice_title",
      "Vafrakökur á þessum vef",
    "notice_body",
      "Þessi vefur notar vafrakökur og sambærilega tækni, meðal "
      "annars frá þjónustunum sem taldar eru upp í "
      "persónuverndartilkynningu okkar.",
    "notice_ok",
      "Í lagi",
    "placeholder_body",
      "Þetta efni kemur frá {provider}. Ef þú hleður því inn getur "
      "{provider} vistað vafrakökur og fengið að vita að þú "
      "heimsækir þessa síðu.",
    "load_once",
      "Hlaða einu sinni",
    "always_allow",
      "Leyfa alltaf {service}",
    NULL
};


/* Italian */
static const char *const  consent_text_it[] = {
    "settings",
      "Impostazioni cookie",
    "preferences_title",
      "Preferenze sulla privacy",
    "preferences_body",
      "Scegli quali categorie di cookie e servizi consentire. Puoi "
      "modificare la tua scelta in qualsiasi momento.",
    "close",
      "Chiudi",
    "privacy_title",
      "Informativa sulla privacy",
    "page_intro",
      "Questa informativa spiega quali dati personali questo sito "
      "tratta con cookie e tecnologie simili, per quali finalità, "
      "su quale base giuridica, chi li riceve, per quanto tempo "
      "sono conservati e quali diritti hai.",
    "cookies_title",
      "Finalità, basi giuridiche e destinatari",
    "always_on",
      "Sempre attivi",
    "services_title",
      "Servizi",
    "controller_title",
      "Titolare del trattamento",
    "dpo_title",
      "Responsabile della protezione dei dati",
    "current_choice",
      "La tua scelta attuale",
    "withdraw",
      "Revoca il consenso",
    "provider",
      "Fornitore",
    "service",
      "Servizio",
    "purpose",
      "Finalità",
    "cookies",
      "Cookie e durata di conservazione",
    "privacy_url",
      "Informativa privacy del fornitore",
    "transfer",
      "Paese e garanzia",
    "recipients",
      "Destinatari",
    "no_services",
      "Nessun servizio di terze parti.",
    "no_decision",
      "Non hai ancora fatto una scelta.",
    "granted",
      "Consentito",
    "denied",
      "Non consentito",
    "gpc_notice",
      "Il tuo browser invia un segnale Global Privacy Control: le "
      "categorie che vendono o condividono dati restano "
      "disattivate, a meno che tu non le attivi qui.",
    "decided_on",
      "La tua scelta del {date}, ID del consenso {id}.",
    "back_to_site",
      "Torna al sito",
    "legal_basis",
      "Base giuridica:",
    "basis_consent",
      "il tuo consenso (art. 6, par. 1, lett. a) GDPR; per la "
      "memorizzazione e la lettura di informazioni sul tuo "
      "dispositivo, art. 5, par. 3 della direttiva ePrivacy). Puoi "
      "revocarlo in qualsiasi momento.",
    "basis_necessary",
      "strettamente necessari per fornire il servizio da te "
      "richiesto (art. 5, par. 3 della direttiva ePrivacy) e il "
      "nostro legittimo interesse a un sito funzionante e sicuro "
      "(art. 6, par. 1, lett. f) GDPR).",
    "own_title",
      "Come registriamo la tua scelta",
    "own_cookie",
      "La tua scelta è memorizzata nel browser in un cookie "
      "firmato chiamato «{name}» per {duration}. Contiene un ID "
      "del consenso casuale, la data, la versione di questa "
      "informativa e le categorie consentite, nient’altro.",
    "own_record",
      "Per poter dimostrare il tuo consenso, registriamo ogni "
      "scelta: ID del consenso, ora, scelta, versione dei testi "
      "mostrati, il tuo indirizzo IP abbreviato in modo da non "
      "identificarti più e l’identificativo del tuo browser.",
    "own_record_ip",
      "Per poter dimostrare il tuo consenso, registriamo ogni "
      "scelta: ID del consenso, ora, scelta, versione dei testi "
      "mostrati, il tuo indirizzo IP e l’identificativo del tuo "
      "browser.",
    "own_record_no_ip",
      "Per poter dimostrare il tuo consenso, registriamo ogni "
      "scelta: ID del consenso, ora, scelta, versione dei testi "
      "mostrati e l’identificativo del tuo browser.",
    "own_retention",
      "Queste registrazioni sono conservate per {duration}.",
    "rights_title",
      "I tuoi diritti",
    "rights_body",
      "Hai il diritto di accedere ai tuoi dati, di ottenerne la "
      "rettifica o la cancellazione, di limitarne il trattamento, "
      "di opporti e alla portabilità. Puoi revocare il consenso in "
      "qualsiasi momento, con la stessa facilità con cui l’hai "
      "dato; ciò non pregiudica il trattamento effettuato prima "
      "della revoca. Indica il tuo ID del consenso quando ci "
      "contatti.",
    "rights_complaint",
      "Hai inoltre il diritto di proporre reclamo a un’autorità di "
      "controllo per la protezione dei dati, in particolare nello "
      "Stato membro dell’UE in cui vivi o lavori.",
    "rights_authority",
      "Hai inoltre il diritto di proporre reclamo a un’autorità di "
      "controllo per la protezione dei dati, in particolare: "
      "{authority}.",
    "session",
      "fino alla chiusura del browser",
    "privacy_choices",
      "Le tue scelte sulla privacy",
    "do_not_sell",
      "Non vendere né condividere i miei dati personali",
    "opt_out_honored",
      "Richiesta di opposizione rispettata",
    "notice_title",
      "Cookie su questo sito",
    "notice_body",
      "Questo sito usa cookie e tecnologie simili, compresi quelli "
      "dei servizi elencati nella nostra informativa sulla privacy.",
    "notice_ok",
      "OK",
    "placeholder_body",
      "Questo contenuto è fornito da {provider}. Caricandolo, "
      "{provider} può impostare cookie e sapere che visiti questa "
      "pagina.",
    "load_once",
      "Carica una volta",
    "always_allow",
      "Consenti sempre {service}",
    NULL
};


/* Lithuanian */
static const char *const  consent_text_lt[] = {
    "settings",
      "Slapukų nustatymai",
    "preferences_title",
      "Privatumo nuostatos",
    "preferences_body",
      "Pasirinkite, kurias slapukų ir paslaugų kategorijas "
      "leidžiate. Savo pasirinkimą galite bet kada pakeisti.",
    "close",
      "Uždaryti",
    "privacy_title",
      "Pranešimas apie privatumą",
    "page_intro",
      "Šiame pranešime paaiškinama, kokius asmens duomenis ši "
      "svetainė tvarko naudodama slapukus ir panašias "
      "technologijas, kokiais tikslais, kokiu teisiniu pagrindu, "
      "kas juos gauna, kiek laiko jie saugomi ir kokias teises "
      "turite.",
    "cookies_title",
      "Tikslai, teisiniai pagrindai ir gavėjai",
    "always_on",
      "Visada aktyvūs",
    "services_title",
      "Paslaugos",
    "controller_title",
      "Duomenų valdytojas",
    "dpo_title",
      "Duomenų apsaugos pareigūnas",
    "current_choice",
      "Jūsų dabartinis pasirinkimas",
    "withdraw",
      "Atšaukti sutikimą",
    "provider",
      "Teikėjas",
    "service",
      "Paslauga",
    "purpose",
      "Tikslas",
    "cookies",
      "Slapukai ir saugojimo laikas",
    "privacy_url",
      "Teikėjo privatumo politika",
    "transfer",
      "Šalis ir apsaugos priemonė",
    "recipients",
      "Gavėjai",
    "no_services",
      "Trečiųjų šalių paslaugų nėra.",
    "no_decision",
      "Dar nepasirinkote.",
    "granted",
      "Leidžiama",
    "denied",
      "Neleidžiama",
    "gpc_notice",
      "Jūsų naršyklė siunčia Global Privacy Control signalą: "
      "duomenis parduodančios ar jais besidalijančios kategorijos "
      "lieka išjungtos, nebent jas įjungsite čia.",
    "decided_on",
      "Jūsų pasirinkimas {date}, sutikimo ID {id}.",
    "back_to_site",
      "Grįžti į svetainę",
    "legal_basis",
      "Teisinis pagrindas:",
    "basis_consent",
      "jūsų sutikimas (BDAR 6 straipsnio 1 dalies a punktas; "
      "informacijos saugojimui jūsų įrenginyje ir prieigai prie "
      "jos – Direktyvos dėl privatumo ir elektroninių ryšių 5 "
      "straipsnio 3 dalis). Galite jį bet kada atšaukti.",
    "basis_necessary",
      "būtini jūsų prašomai paslaugai teikti (Direktyvos dėl "
      "privatumo ir elektroninių ryšių 5 straipsnio 3 dalis) ir "
      "mūsų teisėtas interesas turėti veikiančią ir saugią "
      "svetainę (BDAR 6 straipsnio 1 dalies f punktas).",
    "own_title",
      "Kaip registruojame jūsų pasirinkimą",
    "own_cookie",
      "Jūsų pasirinkimas saugomas naršyklėje pasirašytame slapuke "
      "„{name}“ {duration}. Jame yra atsitiktinis sutikimo ID, "
      "data, šio pranešimo versija ir leistos kategorijos, nieko "
      "daugiau.",
    "own_record",
      "Kad galėtume įrodyti jūsų sutikimą, registruojame kiekvieną "
      "pasirinkimą: sutikimo ID, laiką, pasirinkimą, rodytų tekstų "
      "versiją, jūsų IP adresą, sutrumpintą taip, kad jis jūsų "
      "nebeidentifikuotų, ir jūsų naršyklės identifikatorių.",
    "own_record_ip",
      "Kad galėtume įrodyti jūsų sutikimą, registruojame kiekvieną "
      "pasirinkimą: sutikimo ID, laiką, pasirinkimą, rodytų tekstų "
      "versiją, jūsų IP adresą ir jūsų naršyklės identifikatorių.",
    "own_record_no_ip",
      "Kad galėtume įrodyti jūsų sutikimą, registruojame kiekvieną "
      "pasirinkimą: sutikimo ID, laiką, pasirinkimą, rodytų tekstų "
      "versiją ir jūsų naršyklės identifikatorių.",
    "own_retention",
      "Šie įrašai saugomi {duration}.",
    "rights_title",
      "Jūsų teisės",
    "rights_body",
      "Turite teisę susipažinti su savo duomenimis, reikalauti "
      "juos ištaisyti, ištrinti ir apriboti jų tvarkymą, nesutikti "
      "su tvarkymu ir teisę į duomenų perkeliamumą. Sutikimą "
      "galite bet kada atšaukti taip pat lengvai, kaip jį davėte; "
      "tai neturi įtakos tvarkymui iki atšaukimo. Kreipdamiesi į "
      "mus nurodykite savo sutikimo ID.",
    "rights_complaint",
      "Taip pat turite teisę pateikti skundą duomenų apsaugos "
      "priežiūros institucijai, ypač toje ES valstybėje narėje, "
      "kurioje gyvenate ar dirbate.",
    "rights_authority",
      "Taip pat turite teisę pateikti skundą duomenų apsaugos "
      "priežiūros institucijai, ypač: {authority}.",
    "session",
      "kol uždaroma naršyklė",
    "privacy_choices",
      "Jūsų privatumo pasirinkimai",
    "do_not_sell",
      "Neparduokite ir neperduokite mano asmens duomenų",
    "opt_out_honored",
      "Prieštaravimas įvykdytas",
    "notice_title",
      "Slapukai šioje svetainėje",
    "notice_body",
      "Ši svetainė naudoja slapukus ir panašias technologijas, "
      "taip pat mūsų pranešime apie privatumą išvardytų paslaugų.",
    "notice_ok",
      "Gerai",
    "placeholder_body",
      "Šį turinį teikia {provider}. Jį įkėlus, {provider} gali "
      "įrašyti slapukus ir sužinoti, kad lankotės šiame puslapyje.",
    "load_once",
      "Įkelti kartą",
    "always_allow",
      "Visada leisti: {service}",
    NULL
};


/* Latvian */
static const char *const  consent_text_lv[] = {
    "settings",
      "Sīkdatņu iestatījumi",
    "preferences_title",
      "Privātuma preferences",
    "preferences_body",
      "Izvēlieties, kuras sīkdatņu un pakalpojumu kategorijas "
      "atļaujat. Savu izvēli varat mainīt jebkurā laikā.",
    "close",
      "Aizvērt",
    "privacy_title",
      "Paziņojums par privātumu",
    "page_intro",
      "Šajā paziņojumā izskaidrots, kādus personas datus šī vietne "
      "apstrādā ar sīkdatnēm un līdzīgām tehnoloģijām, kādiem "
      "nolūkiem, uz kāda juridiskā pamata, kas tos saņem, cik ilgi "
      "tos glabā un kādas ir jūsu tiesības.",
    "cookies_title",
      "Nolūki, juridiskie pamati un saņēmēji",
    "always_on",
      "Vienmēr aktīvas",
    "services_title",
      "Pakalpojumi",
    "controller_title",
      "Pārzinis",
    "dpo_title",
      "Datu aizsardzības speciālists",
    "current_choice",
      "Jūsu pašreizējā izvēle",
    "withdraw",
      "Atsaukt piekrišanu",
    "provider",
      "Nodrošinātājs",
    "service",
      "Pakalpojums",
    "purpose",
      "Nolūks",
    "cookies",
      "Sīkdatnes un glabāšanas ilgums",
    "privacy_url",
      "Nodrošinātāja privātuma politika",
    "transfer",
      "Valsts un aizsardzības pasākums",
    "recipients",
      "Saņēmēji",
    "no_services",
      "Nav trešo pušu pakalpojumu.",
    "no_decision",
      "Jūs vēl neesat izvēlējies.",
    "granted",
      "Atļauts",
    "denied",
      "Nav atļauts",
    "gpc_notice",
      "Jūsu pārlūks sūta Global Privacy Control signālu: "
      "kategorijas, kas pārdod vai kopīgo datus, paliek izslēgtas, "
      "ja vien jūs tās šeit neieslēdzat.",
    "decided_on",
      "Jūsu izvēle {date}, piekrišanas ID {id}.",
    "back_to_site",
      "Atpakaļ uz vietni",
    "legal_basis",
      "Juridiskais pamats:",
    "basis_consent",
      "jūsu piekrišana (VDAR 6. panta 1. punkta a) apakšpunkts; "
      "informācijas glabāšanai jūsu ierīcē un piekļuvei tai — "
      "Direktīvas par privātumu un elektronisko komunikāciju 5. "
      "panta 3. punkts). Jūs to varat atsaukt jebkurā laikā.",
    "basis_necessary",
      "noteikti nepieciešamas, lai sniegtu jūsu pieprasīto "
      "pakalpojumu (Direktīvas par privātumu un elektronisko "
      "komunikāciju 5. panta 3. punkts), un mūsu leģitīmās "
      "intereses uz strādājošu un drošu vietni (VDAR 6. panta 1. "
      "punkta f) apakšpunkts).",
    "own_title",
      "Kā mēs reģistrējam jūsu izvēli",
    "own_cookie",
      "Jūsu izvēle tiek glabāta pārlūkā parakstītā sīkdatnē ar "
      "nosaukumu “{name}” {duration}. Tajā ir nejaušs piekrišanas "
      "ID, datums, šī paziņojuma versija un atļautās kategorijas, "
      "nekas cits.",
    "own_record",
      "Lai varētu pierādīt jūsu piekrišanu, mēs reģistrējam katru "
      "izvēli: piekrišanas ID, laiku, izvēli, parādīto tekstu "
      "versiju, jūsu IP adresi, saīsinātu tā, ka tā jūs vairs "
      "neidentificē, un jūsu pārlūka identifikatoru.",
    "own_record_ip",
      "Lai varētu pierādīt jūsu piekrišanu, mēs reģistrējam katru "
      "izvēli: piekrišanas ID, laiku, izvēli, parādīto tekstu "
      "versiju, jūsu IP adresi un jūsu pārlūka identifikatoru.",
    "own_record_no_ip",
      "Lai varētu pierādīt jūsu piekrišanu, mēs reģistrējam katru "
      "izvēli: piekrišanas ID, laiku, izvēli, parādīto tekstu "
      "versiju un jūsu pārlūka identifikatoru.",
    "own_retention",
      "Šos ierakstus glabā {duration}.",
    "rights_title",
      "Jūsu tiesības",
    "rights_body",
      "Jums ir tiesības piekļūt saviem datiem, labot tos, dzēst un "
      "ierobežot to apstrādi, iebilst pret apstrādi un tiesības uz "
      "datu pārnesamību. Piekrišanu varat atsaukt jebkurā laikā "
      "tikpat viegli, kā to devāt; tas neietekmē apstrādi pirms "
      "atsaukšanas. Sazinoties ar mums, norādiet savu piekrišanas "
      "ID.",
    "rights_complaint",
      "Jums ir arī tiesības iesniegt sūdzību datu aizsardzības "
      "uzraudzības iestādē, jo īpaši tajā ES dalībvalstī, kurā "
      "dzīvojat vai strādājat.",
    "rights_authority",
      "Jums ir arī tiesības iesniegt sūdzību datu aizsardzības "
      "uzraudzības iestādē, jo īpaši: {authority}.",
    "session",
      "līdz pārlūka aizvēršanai",
    "privacy_choices",
      "Jūsu privātuma izvēles",
    "do_not_sell",
      "Nepārdot un nekopīgot manus personas datus",
    "opt_out_honored",
      "Iebildums ievērots",
    "notice_title",
      "Sīkdatnes šajā vietnē",
    "notice_body",
      "Šī vietne izmanto sīkdatnes un līdzīgas tehnoloģijas, arī "
      "mūsu paziņojumā par privātumu minēto pakalpojumu.",
    "notice_ok",
      "Labi",
    "placeholder_body",
      "Šo saturu nodrošina {provider}. Ja to ielādējat, {provider} "
      "var saglabāt sīkdatnes un uzzināt, ka apmeklējat šo lapu.",
    "load_once",
      "Ielādēt vienreiz",
    "always_allow",
      "Vienmēr atļaut: {service}",
    NULL
};


/* Maltese */
static const char *const  consent_text_mt[] = {
    "settings",
      "Settings tal-cookies",
    "preferences_title",
      "Preferenzi tal-privatezza",
    "preferences_body",
      "Agħżel liema kategoriji ta’ cookies u servizzi tippermetti. "
      "Tista’ tibdel l-għażla tiegħek meta trid.",
    "close",
      "Agħlaq",
    "privacy_title",
      "Avviż ta’ privatezza",
    "page_intro",
      "Dan l-avviż jispjega liema data personali jipproċessa dan "
      "is-sit permezz ta’ cookies u teknoloġiji simili, għal liema "
      "skopijiet, fuq liema bażi legali, min jirċeviha, kemm "
      "tinżamm u liema drittijiet għandek.",
    "cookies_title",
      "Skopijiet, bażijiet legali u riċevituri",
    "always_on",
      "Dejjem attivi",
    "services_title",
      "Servizzi",
    "controller_title",
      "Kontrollur",
    "dpo_title",
      "Uffiċjal tal-protezzjoni tad-data",
    "current_choice",
      "L-għażla attwali tiegħek",
    "withdraw",
      "Irtira l-kunsens",
    "provider",
      "Fornitur",
    "service",
      "Servizz",
    "purpose",
      "Skop",
    "cookies",
      "Cookies u żmien taż-żamma",
    "privacy_url",
      "Politika tal-privatezza tal-fornitur",
    "transfer",
      "Pajjiż u salvagwardja",
    "recipients",
      "Riċevituri",
    "no_services",
      "L-ebda servizz ta’ partijiet terzi.",
    "no_decision",
      "Għadek ma għamilt l-ebda għażla.",
    "granted",
      "Permess",
    "denied",
      "Mhux permess",
    "gpc_notice",
      "Il-browser tiegħek jibgħat sinjal Global Privacy Control: "
      "il-kategoriji li jbigħu jew jaqsmu d-data jibqgħu mitfija "
      "sakemm ma tixgħelhomx hawn.",
    "decided_on",
      "L-għażla tiegħek tal-{date}, ID tal-kunsens {id}.",
    "back_to_site",
      "Lura lejn is-sit",
    "legal_basis",
      "Bażi legali:",
    "basis_consent",
      "il-kunsens tiegħek (l-Artikolu 6(1)(a) tal-GDPR; "
      "għall-ħażna u l-qari ta’ informazzjoni fuq it-tagħmir "
      "tiegħek, l-Artikolu 5(3) tad-Direttiva dwar il-privatezza u "
      "l-komunikazzjonijiet elettroniċi). Tista’ tirtirah meta "
      "trid.",
    "basis_necessary",
      "strettament meħtieġa biex nipprovdu s-servizz li tlabt "
      "(l-Artikolu 5(3) tad-Direttiva dwar il-privatezza u "
      "l-komunikazzjonijiet elettroniċi) u l-interess leġittimu "
      "tagħna f’sit li jaħdem u jkun sigur (l-Artikolu 6(1)(f) "
      "tal-GDPR).",
    "own_title",
      "Kif nirreġistraw l-għażla tiegħek",
    "own_cookie",
      "L-għażla tiegħek tinħażen fil-browser tiegħek f’cookie "
      "iffirmata bl-isem “{name}” għal {duration}. Fiha ID "
      "tal-kunsens każwali, id-data, il-verżjoni ta’ dan l-avviż u "
      "l-kategoriji li ppermettejt, xejn aktar.",
    "own_record",
      "Biex inkunu nistgħu nuru l-kunsens tiegħek, nirreġistraw "
      "kull għażla: l-ID tal-kunsens, il-ħin, l-għażla, "
      "il-verżjoni tat-testi murija, l-indirizz IP tiegħek "
      "imqassar b’mod li ma jidentifikakx aktar, u "
      "l-identifikazzjoni tal-browser tiegħek.",
    "own_record_ip",
      "Biex inkunu nistgħu nuru l-kunsens tiegħek, nirreġistraw "
      "kull għażla: l-ID tal-kunsens, il-ħin, l-għażla, "
      "il-verżjoni tat-testi murija, l-indirizz IP tiegħek u "
      "l-identifikazzjoni tal-browser tiegħek.",
    "own_record_no_ip",
      "Biex inkunu nistgħu nuru l-kunsens tiegħek, nirreġistraw "
      "kull għażla: l-ID tal-kunsens, il-ħin, l-għażla, "
      "il-verżjoni tat-testi murija u l-identifikazzjoni "
      "tal-browser tiegħek.",
    "own_retention",
      "Dawn ir-reġistrazzjonijiet jinżammu għal {duration}.",
    "rights_title",
      "Id-drittijiet tiegħek",
    "rights_body",
      "Għandek id-dritt li taċċessa d-data tiegħek, li tikkoreġiha "
      "jew tħassarha, li tillimita l-ipproċessar tagħha, li "
      "toġġezzjona u għall-portabbiltà. Tista’ tirtira l-kunsens "
      "tiegħek meta trid, bl-istess faċilità li tajtu; dan ma "
      "jaffettwax l-ipproċessar ta’ qabel l-irtirar. Semmi l-ID "
      "tal-kunsens tiegħek meta tikkuntattjana.",
    "rights_complaint",
      "Għandek ukoll id-dritt li tressaq ilment quddiem awtorità "
      "superviżorja għall-protezzjoni tad-data, b’mod partikolari "
      "fl-Istat Membru tal-UE fejn tgħix jew taħdem.",
    "rights_authority",
      "Għandek ukoll id-dritt li tressaq ilment quddiem awtorità "
      "superviżorja għall-protezzjoni tad-data, b’mod partikolari: "
      "{authority}.",
    "session",
      "sakemm jingħalaq il-browser",
    "privacy_choices",
      "L-għażliet tal-privatezza tiegħek",
    "do_not_sell",
      "Tbigħx u taqsamx l-informazzjoni personali tiegħi",
    "opt_out_honored",
      "It-talba ta’ oġġezzjoni ġiet rispettata",
    "notice_title",
      "Cookies fuq dan is-sit",
    "notice_body",
      "Dan is-sit juża cookies u teknoloġiji simili, inklużi dawk "
      "tas-servizzi elenkati fl-avviż ta’ privatezza tagħna.",
    "notice_ok",
      "OK",
    "placeholder_body",
      "Dan il-kontenut huwa pprovdut minn {provider}. Jekk "
      "ittellgħu, {provider} jista’ jpoġġi cookies u jsir jaf li "
      "qed iżżur din il-paġna.",
    "load_once",
      "Tella’ darba",
    "always_allow",
      "Dejjem ippermetti {service}",
    NULL
};


/* Dutch */
static const char *const  consent_text_nl[] = {
    "settings",
      "Cookie-instellingen",
    "preferences_title",
      "Privacyvoorkeuren",
    "preferences_body",
      "Kies welke categorieën cookies en diensten u toestaat. U "
      "kunt uw keuze altijd wijzigen.",
    "close",
      "Sluiten",
    "privacy_title",
      "Privacyverklaring",
    "page_intro",
      "Deze verklaring legt uit welke persoonsgegevens deze "
      "website met cookies en vergelijkbare technieken verwerkt, "
      "waarvoor, op welke grondslag, wie ze ontvangt, hoe lang ze "
      "worden bewaard en welke rechten u hebt.",
    "cookies_title",
      "Doelen, grondslagen en ontvangers",
    "always_on",
      "Altijd actief",
    "services_title",
      "Diensten",
    "controller_title",
      "Verwerkingsverantwoordelijke",
    "dpo_title",
      "Functionaris voor gegevensbescherming",
    "current_choice",
      "Uw huidige keuze",
    "withdraw",
      "Toestemming intrekken",
    "provider",
      "Aanbieder",
    "service",
      "Dienst",
    "purpose",
      "Doel",
    "cookies",
      "Cookies en bewaartermijn",
    "privacy_url",
      "Privacybeleid van de aanbieder",
    "transfer",
      "Land en waarborg",
    "recipients",
      "Ontvangers",
    "no_services",
      "Geen diensten van derden.",
    "no_decision",
      "U hebt nog geen keuze gemaakt.",
    "granted",
      "Toegestaan",
    "denied",
      "Niet toegestaan",
    "gpc_notice",
      "Uw browser verstuurt een Global Privacy Control-signaal: "
      "categorieën die gegevens verkopen of delen blijven uit, "
      "tenzij u ze hier aanzet.",
    "decided_on",
      "Uw keuze van {date}, toestemmings-ID {id}.",
    "back_to_site",
      "Terug naar de website",
    "legal_basis",
      "Grondslag:",
    "basis_consent",
      "uw toestemming (art. 6 lid 1 sub a AVG; voor het opslaan en "
      "uitlezen van gegevens op uw apparaat art. 5 lid 3 "
      "ePrivacyrichtlijn). U kunt deze altijd intrekken.",
    "basis_necessary",
      "strikt noodzakelijk om de dienst te leveren waarom u vroeg "
      "(art. 5 lid 3 ePrivacyrichtlijn) en ons gerechtvaardigd "
      "belang bij een werkende, veilige website (art. 6 lid 1 sub "
      "f AVG).",
    "own_title",
      "Hoe wij uw keuze vastleggen",
    "own_cookie",
      "Uw keuze wordt in uw browser bewaard in een ondertekende "
      "cookie met de naam ‘{name}’, gedurende {duration}. Die "
      "bevat een willekeurig toestemmings-ID, de datum, de versie "
      "van deze verklaring en de categorieën die u toestond, "
      "verder niets.",
    "own_record",
      "Om uw toestemming te kunnen aantonen, leggen wij elke keuze "
      "vast: het toestemmings-ID, het tijdstip, de keuze, de "
      "versie van de getoonde teksten, uw IP-adres zo ingekort dat "
      "het u niet meer identificeert, en de identificatie van uw "
      "browser.",
    "own_record_ip",
      "Om uw toestemming te kunnen aantonen, leggen wij elke keuze "
      "vast: het toestemmings-ID, het tijdstip, de keuze, de "
      "versie van de getoonde teksten, uw IP-adres en de "
      "identificatie van uw browser.",
    "own_record_no_ip",
      "Om uw toestemming te kunnen aantonen, leggen wij elke keuze "
      "vast: het toestemmings-ID, het tijdstip, de keuze, de "
      "versie van de getoonde teksten en de identificatie van uw "
      "browser.",
    "own_retention",
      "Deze vastleggingen worden {duration} bewaard.",
    "rights_title",
      "Uw rechten",
    "rights_body",
      "U hebt het recht op inzage in uw gegevens, op rectificatie, "
      "wissing en beperking van de verwerking, op bezwaar en op "
      "overdraagbaarheid. U kunt uw toestemming altijd intrekken, "
      "even gemakkelijk als u die gaf; dat laat de verwerking vóór "
      "de intrekking onverlet. Vermeld uw toestemmings-ID als u "
      "contact met ons opneemt.",
    "rights_complaint",
      "U hebt ook het recht een klacht in te dienen bij een "
      "toezichthoudende autoriteit voor gegevensbescherming, met "
      "name in de EU-lidstaat waar u woont of werkt.",
    "rights_authority",
      "U hebt ook het recht een klacht in te dienen bij een "
      "toezichthoudende autoriteit voor gegevensbescherming, met "
      "name: {authority}.",
    "session",
      "tot de browser wordt gesloten",
    "privacy_choices",
      "Uw privacykeuzes",
    "do_not_sell",
      "Mijn persoonsgegevens niet verkopen of delen",
    "opt_out_honored",
      "Bezwaar gehonoreerd",
    "notice_title",
      "Cookies op deze website",
    "notice_body",
      "Deze website gebruikt cookies en vergelijkbare technieken, "
      "ook die van de diensten in onze privacyverklaring.",
    "notice_ok",
      "OK",
    "placeholder_body",
      "Deze inhoud wordt geleverd door {provider}. Als u hem "
      "laadt, kan {provider} cookies plaatsen en te weten komen "
      "dat u deze pagina bezoekt.",
    "load_once",
      "Eenmalig laden",
    "always_allow",
      "{service} altijd toestaan",
    NULL
};


/* Norwegian (Bokmål; also nb, nn) */
static const char *const  consent_text_no[] = {
    "settings",
      "Innstillinger for informasjonskapsler",
    "preferences_title",
      "Personverninnstillinger",
    "preferences_body",
      "Velg hvilke kategorier av informasjonskapsler og tjenester "
      "du tillater. Du kan når som helst endre valget ditt.",
    "close",
      "Lukk",
    "privacy_title",
      "Personvernerklæring",
    "page_intro",
      "Denne erklæringen forklarer hvilke personopplysninger "
      "nettstedet behandler med informasjonskapsler og lignende "
      "teknologi, hvorfor, på hvilket rettslig grunnlag, hvem som "
      "mottar dem, hvor lenge de lagres og hvilke rettigheter du "
      "har.",
    "cookies_title",
      "Formål, rettslig grunnlag og mottakere",
    "always_on",
      "Alltid aktive",
    "services_title",
      "Tjenester",
    "controller_title",
      "Behandlingsansvarlig",
    "dpo_title",
      "Personvernombud",
    "current_choice",
      "Ditt nåværende valg",
    "withdraw",
      "Trekk tilbake samtykket",
    "provider",
      "Leverandør",
    "service",
      "Tjeneste",
    "purpose",
      "Formål",
    "cookies",
      "Informasjonskapsler og lagringstid",
    "privacy_url",
      "Leverandørens personvernerklæring",
    "transfer",
      "Land og garanti",
    "recipients",
      "Mottakere",
    "no_services",
      "Ingen tredjepartstjenester.",
    "no_decision",
      "Du har ikke gjort et valg ennå.",
    "granted",
      "Tillatt",
    "denied",
      "Ikke tillatt",
    "gpc_notice",
      "Nettleseren din sender et Global Privacy Control-signal: "
      "kategorier som selger eller deler data, forblir slått av "
      "med mindre du slår dem på her.",
    "decided_on",
      "Valget ditt fra {date}, samtykke-ID {id}.",
    "back_to_site",
      "Tilbake til nettstedet",
    "legal_basis",
      "Rettslig grunnlag:",
    "basis_consent",
      "ditt samtykke (personvernforordningen art. 6 nr. 1 bokstav "
      "a; for lagring av og tilgang til informasjon på enheten "
      "din, ePrivacy-direktivet art. 5 nr. 3). Du kan når som "
      "helst trekke det tilbake.",
    "basis_necessary",
      "strengt nødvendige for å levere tjenesten du har bedt om "
      "(ePrivacy-direktivet art. 5 nr. 3), og vår berettigede "
      "interesse i et velfungerende, sikkert nettsted "
      "(personvernforordningen art. 6 nr. 1 bokstav f).",
    "own_title",
      "Slik registrerer vi valget ditt",
    "own_cookie",
      "Valget ditt lagres i nettleseren i en signert "
      "informasjonskapsel kalt «{name}» i {duration}. Den "
      "inneholder en tilfeldig samtykke-ID, datoen, versjonen av "
      "denne erklæringen og kategoriene du tillot, ikke noe annet.",
    "own_record",
      "For å kunne dokumentere samtykket ditt registrerer vi hvert "
      "valg: samtykke-ID, tidspunkt, valg, versjon av tekstene som "
      "ble vist, IP-adressen din forkortet slik at den ikke lenger "
      "identifiserer deg, og nettleserens identifikasjon.",
    "own_record_ip",
      "For å kunne dokumentere samtykket ditt registrerer vi hvert "
      "valg: samtykke-ID, tidspunkt, valg, versjon av tekstene som "
      "ble vist, IP-adressen din og nettleserens identifikasjon.",
    "own_record_no_ip",
      "For å kunne dokumentere samtykket ditt registrerer vi hvert "
      "valg: samtykke-ID, tidspunkt, valg, versjon av tekstene som "
      "ble vist, og nettleserens identifikasjon.",
    "own_retention",
      "Registreringene lagres i {duration}.",
    "rights_title",
      "Dine rettigheter",
    "rights_body",
      "Du har rett til innsyn i opplysningene dine, til retting, "
      "sletting og begrensning av behandlingen, til å protestere "
      "og til dataportabilitet. Du kan når som helst trekke "
      "tilbake samtykket like enkelt som du ga det; det påvirker "
      "ikke behandlingen før tilbaketrekkingen. Oppgi "
      "samtykke-ID-en din når du kontakter oss.",
    "rights_complaint",
      "Du har også rett til å klage til en tilsynsmyndighet for "
      "personvern, særlig i landet der du bor eller arbeider.",
    "rights_authority",
      "Du har også rett til å klage til en tilsynsmyndighet for "
      "personvern, særlig: {authority}.",
    "session",
      "til nettleseren lukkes",
    "privacy_choices",
      "Dine personvernvalg",
    "do_not_sell",
      "Ikke selg eller del personopplysningene mine",
    "opt_out_honored",
      "Reservasjonen er respektert",
    "notice_title",
      "Informasjonskapsler på dette nettstedet",
    "notice_body",
      "Nettstedet bruker informasjonskapsler og lignende "
      "teknologi, også fra tjenestene som er nevnt i "
      "personvernerklæringen vår.",
    "notice_ok",
      "OK",
    "placeholder_body",
      "Dette innholdet leveres av {provider}. Hvis du laster det "
      "inn, kan {provider} sette informasjonskapsler og få vite at "
      "du besøker denne siden.",
    "load_once",
      "Last inn én gang",
    "always_allow",
      "Tillat alltid {service}",
    NULL
};


/* Polish */
static const char *const  consent_text_pl[] = {
    "settings",
      "Ustawienia plików cookie",
    "preferences_title",
      "Ustawienia prywatności",
    "preferences_body",
      "Wybierz, na które kategorie plików cookie i usług się "
      "zgadzasz. Możesz zmienić swój wybór w dowolnym momencie.",
    "close",
      "Zamknij",
    "privacy_title",
      "Informacja o prywatności",
    "page_intro",
      "Ta informacja wyjaśnia, jakie dane osobowe ta witryna "
      "przetwarza za pomocą plików cookie i podobnych technologii, "
      "w jakich celach, na jakiej podstawie prawnej, kto je "
      "otrzymuje, jak długo są przechowywane i jakie masz prawa.",
    "cookies_title",
      "Cele, podstawy prawne i odbiorcy",
    "always_on",
      "Zawsze aktywne",
    "services_title",
      "Usługi",
    "controller_title",
      "Administrator danych",
    "dpo_title",
      "Inspektor ochrony danych",
    "current_choice",
      "Twój obecny wybór",
    "withdraw",
      "Wycofaj zgodę",
    "provider",
      "Dostawca",
    "service",
      "Usługa",
    "purpose",
      "Cel",
    "cookies",
      "Pliki cookie i okres przechowywania",
    "privacy_url",
      "Polityka prywatności dostawcy",
    "transfer",
      "Państwo i zabezpieczenie",
    "recipients",
      "Odbiorcy",
    "no_services",
      "Brak usług podmiotów trzecich.",
    "no_decision",
      "Nie dokonano jeszcze wyboru.",
    "granted",
      "Dozwolone",
    "denied",
      "Niedozwolone",
    "gpc_notice",
      "Twoja przeglądarka wysyła sygnał Global Privacy Control: "
      "kategorie, które sprzedają lub udostępniają dane, pozostają "
      "wyłączone, chyba że włączysz je tutaj.",
    "decided_on",
      "Twój wybór z {date}, identyfikator zgody {id}.",
    "back_to_site",
      "Powrót do witryny",
    "legal_basis",
      "Podstawa prawna:",
    "basis_consent",
      "Twoja zgoda (art. 6 ust. 1 lit. a RODO; w zakresie "
      "przechowywania informacji i uzyskiwania do nich dostępu na "
      "Twoim urządzeniu art. 5 ust. 3 dyrektywy o prywatności i "
      "łączności elektronicznej). Możesz ją wycofać w dowolnym "
      "momencie.",
    "basis_necessary",
      "niezbędne do świadczenia usługi, o którą prosisz (art. 5 "
      "ust. 3 dyrektywy o prywatności i łączności elektronicznej), "
      "oraz nasz prawnie uzasadniony interes w działającej i "
      "bezpiecznej witrynie (art. 6 ust. 1 lit. f RODO).",
    "own_title",
      "Jak zapisujemy Twój wybór",
    "own_cookie",
      "Twój wybór jest przechowywany w przeglądarce w podpisanym "
      "pliku cookie o nazwie „{name}” przez {duration}. Zawiera "
      "losowy identyfikator zgody, datę, wersję tej informacji i "
      "kategorie, na które się zgodzono, nic więcej.",
    "own_record",
      "Aby móc wykazać Twoją zgodę, rejestrujemy każdy wybór: "
      "identyfikator zgody, czas, wybór, wersję wyświetlonych "
      "tekstów, Twój adres IP skrócony tak, że już Cię nie "
      "identyfikuje, oraz identyfikator Twojej przeglądarki.",
    "own_record_ip",
      "Aby móc wykazać Twoją zgodę, rejestrujemy każdy wybór: "
      "identyfikator zgody, czas, wybór, wersję wyświetlonych "
      "tekstów, Twój adres IP oraz identyfikator Twojej "
      "przeglądarki.",
    "own_record_no_ip",
      "Aby móc wykazać Twoją zgodę, rejestrujemy każdy wybór: "
      "identyfikator zgody, czas, wybór, wersję wyświetlonych "
      "tekstów oraz identyfikator Twojej przeglądarki.",
    "own_retention",
      "Te zapisy przechowujemy przez {duration}.",
    "rights_title",
      "Twoje prawa",
    "rights_body",
      "Masz prawo dostępu do swoich danych, ich sprostowania, "
      "usunięcia i ograniczenia przetwarzania, prawo sprzeciwu "
      "oraz prawo do przenoszenia danych. Możesz w każdej chwili "
      "wycofać zgodę równie łatwo, jak ją wyrażono; nie wpływa to "
      "na zgodność z prawem przetwarzania sprzed wycofania. Podaj "
      "swój identyfikator zgody, kontaktując się z nami.",
    "rights_complaint",
      "Masz również prawo wnieść skargę do organu nadzorczego ds. "
      "ochrony danych, w szczególności w państwie członkowskim UE, "
      "w którym mieszkasz lub pracujesz.",
    "rights_authority",
      "Masz również prawo wnieść skargę do organu nadzorczego ds. "
      "ochrony danych, w szczególności: {authority}.",
    "session",
      "do zamknięcia przeglądarki",
    "privacy_choices",
      "Twoje wybory dotyczące prywatności",
    "do_not_sell",
      "Nie sprzedawaj ani nie udostępniaj moich danych osobowych",
    "opt_out_honored",
      "Sprzeciw uwzględniony",
    "notice_title",
      "Pliki cookie w tej witrynie",
    "notice_body",
      "Ta witryna używa plików cookie i podobnych technologii, "
      "także usług wymienionych w naszej informacji o prywatności.",
    "notice_ok",
      "OK",
    "placeholder_body",
      "Tę treść dostarcza {provider}. Jej wczytanie pozwala "
      "{provider} zapisać pliki cookie i dowiedzieć się, że "
      "odwiedzasz tę stronę.",
    "load_once",
      "Wczytaj raz",
    "always_allow",
      "Zawsze zezwalaj: {service}",
    NULL
};


/* Portuguese */
static const char *const  consent_text_pt[] = {
    "settings",
      "Definições de cookies",
    "preferences_title",
      "Preferências de privacidade",
    "preferences_body",
      "Escolha as categorias de cookies e serviços que autoriza. "
      "Pode alterar a sua escolha a qualquer momento.",
    "close",
      "Fechar",
    "privacy_title",
      "Aviso de privacidade",
    "page_intro",
      "Este aviso explica que dados pessoais este sítio trata com "
      "cookies e tecnologias semelhantes, para que fins, com que "
      "fundamento jurídico, quem os recebe, durante quanto tempo "
      "são conservados e quais são os seus direitos.",
    "cookies_title",
      "Finalidades, fundamentos jurídicos e destinatários",
    "always_on",
      "Sempre ativos",
    "services_title",
      "Serviços",
    "controller_title",
      "Responsável pelo tratamento",
    "dpo_title",
      "Encarregado da proteção de dados",
    "current_choice",
      "A sua escolha atual",
    "withdraw",
      "Retirar o consentimento",
    "provider",
      "Fornecedor",
    "service",
      "Serviço",
    "purpose",
      "Finalidade",
    "cookies",
      "Cookies e prazo de conservação",
    "privacy_url",
      "Política de privacidade do fornecedor",
    "transfer",
      "País e garantia",
    "recipients",
      "Destinatários",
    "no_services",
      "Nenhum serviço de terceiros.",
    "no_decision",
      "Ainda não fez nenhuma escolha.",
    "granted",
      "Autorizado",
    "denied",
      "Não autorizado",
    "gpc_notice",
      "O seu navegador envia um sinal Global Privacy Control: as "
      "categorias que vendem ou partilham dados ficam desativadas, "
      "a menos que as ative aqui.",
    "decided_on",
      "A sua escolha de {date}, ID de consentimento {id}.",
    "back_to_site",
      "Voltar ao sítio",
    "legal_basis",
      "Fundamento jurídico:",
    "basis_consent",
      "o seu consentimento (art. 6.º, n.º 1, alínea a), do RGPD; "
      "para guardar e ler informações no seu dispositivo, art. "
      "5.º, n.º 3, da Diretiva ePrivacy). Pode retirá-lo a "
      "qualquer momento.",
    "basis_necessary",
      "estritamente necessários para prestar o serviço que pediu "
      "(art. 5.º, n.º 3, da Diretiva ePrivacy) e o nosso interesse "
      "legítimo num sítio funcional e seguro (art. 6.º, n.º 1, "
      "alínea f), do RGPD).",
    "own_title",
      "Como registamos a sua escolha",
    "own_cookie",
      "A sua escolha é guardada no seu navegador num cookie "
      "assinado chamado «{name}» durante {duration}. Contém um ID "
      "de consentimento aleatório, a data, a versão deste aviso e "
      "as categorias que autorizou, nada mais.",
    "own_record",
      "Para podermos provar o seu consentimento, registamos cada "
      "escolha: o ID de consentimento, a hora, a escolha, a versão "
      "dos textos apresentados, o seu endereço IP encurtado de "
      "forma a já não o identificar e a identificação do seu "
      "navegador.",
    "own_record_ip",
      "Para podermos provar o seu consentimento, registamos cada "
      "escolha: o ID de consentimento, a hora, a escolha, a versão "
      "dos textos apresentados, o seu endereço IP e a "
      "identificação do seu navegador.",
    "own_record_no_ip",
      "Para podermos provar o seu consentimento, registamos cada "
      "escolha: o ID de consentimento, a hora, a escolha, a versão "
      "dos textos apresentados e a identificação do seu navegador.",
    "own_retention",
      "Estes registos são conservados durante {duration}.",
    "rights_title",
      "Os seus direitos",
    "rights_body",
      "Tem o direito de aceder aos seus dados, de os retificar ou "
      "apagar, de limitar o tratamento, de se opor e à "
      "portabilidade. Pode retirar o consentimento a qualquer "
      "momento, tão facilmente como o deu; isso não afeta o "
      "tratamento anterior à retirada. Indique o seu ID de "
      "consentimento quando nos contactar.",
    "rights_complaint",
      "Tem ainda o direito de apresentar reclamação a uma "
      "autoridade de controlo da proteção de dados, em especial no "
      "Estado-Membro da UE onde vive ou trabalha.",
    "rights_authority",
      "Tem ainda o direito de apresentar reclamação a uma "
      "autoridade de controlo da proteção de dados, em especial: "
      "{authority}.",
    "session",
      "até fechar o navegador",
    "privacy_choices",
      "As suas escolhas de privacidade",
    "do_not_sell",
      "Não vender nem partilhar os meus dados pessoais",
    "opt_out_honored",
      "Pedido de oposição respeitado",
    "notice_title",
      "Cookies neste sítio",
    "notice_body",
      "Este sítio usa cookies e tecnologias semelhantes, incluindo "
      "os dos serviços indicados no nosso aviso de privacidade.",
    "notice_ok",
      "OK",
    "placeholder_body",
      "Este conteúdo é fornecido por {provider}. Ao carregá-lo, "
      "{provider} pode definir cookies e saber que visita esta "
      "página.",
    "load_once",
      "Carregar uma vez",
    "always_allow",
      "Permitir sempre {service}",
    NULL
};


/* Romanian */
static const char *const  consent_text_ro[] = {
    "settings",
      "Setări cookie",
    "preferences_title",
      "Preferințe de confidențialitate",
    "preferences_body",
      "Alegeți ce categorii de cookie-uri și servicii permiteți. "
      "Puteți schimba alegerea oricând.",
    "close",
      "Închide",
    "privacy_title",
      "Notă de informare privind confidențialitatea",
    "page_intro",
      "Această notă explică ce date cu caracter personal "
      "prelucrează acest site prin cookie-uri și tehnologii "
      "similare, în ce scopuri, în temeiul cărei baze legale, cine "
      "le primește, cât timp sunt păstrate și ce drepturi aveți.",
    "cookies_title",
      "Scopuri, temeiuri legale și destinatari",
    "always_on",
      "Mereu active",
    "services_title",
      "Servicii",
    "controller_title",
      "Operator",
    "dpo_title",
      "Responsabil cu protecția datelor",
    "current_choice",
      "Alegerea dumneavoastră actuală",
    "withdraw",
      "Retrageți consimțământul",
    "provider",
      "Furnizor",
    "service",
      "Serviciu",
    "purpose",
      "Scop",
    "cookies",
      "Cookie-uri și durata de păstrare",
    "privacy_url",
      "Politica de confidențialitate a furnizorului",
    "transfer",
      "Țară și garanție",
    "recipients",
      "Destinatari",
    "no_services",
      "Niciun serviciu terț.",
    "no_decision",
      "Nu ați făcut încă o alegere.",
    "granted",
      "Permis",
    "denied",
      "Nepermis",
    "gpc_notice",
      "Browserul dumneavoastră trimite un semnal Global Privacy "
      "Control: categoriile care vând sau partajează date rămân "
      "dezactivate, cu excepția cazului în care le activați aici.",
    "decided_on",
      "Alegerea dumneavoastră din {date}, ID consimțământ {id}.",
    "back_to_site",
      "Înapoi la site",
    "legal_basis",
      "Temei legal:",
    "basis_consent",
      "consimțământul dumneavoastră (art. 6 alin. (1) lit. (a) din "
      "RGPD; pentru stocarea și citirea informațiilor pe "
      "dispozitivul dumneavoastră, art. 5 alin. (3) din Directiva "
      "asupra confidențialității și comunicațiilor electronice). "
      "Îl puteți retrage oricând.",
    "basis_necessary",
      "strict necesare pentru furnizarea serviciului pe care l-ați "
      "solicitat (art. 5 alin. (3) din Directiva asupra "
      "confidențialității și comunicațiilor electronice) și "
      "interesul nostru legitim pentru un site funcțional și sigur "
      "(art. 6 alin. (1) lit. (f) din RGPD).",
    "own_title",
      "Cum înregistrăm alegerea dumneavoastră",
    "own_cookie",
      "Alegerea dumneavoastră este păstrată în browser, într-un "
      "cookie semnat numit „{name}”, timp de {duration}. Conține "
      "un ID de consimțământ aleatoriu, data, versiunea acestei "
      "note și categoriile permise, nimic altceva.",
    "own_record",
      "Pentru a putea dovedi consimțământul dumneavoastră, "
      "înregistrăm fiecare alegere: ID-ul de consimțământ, ora, "
      "alegerea, versiunea textelor afișate, adresa IP scurtată "
      "astfel încât să nu vă mai identifice și identificarea "
      "browserului.",
    "own_record_ip",
      "Pentru a putea dovedi consimțământul dumneavoastră, "
      "înregistrăm fiecare alegere: ID-ul de consimțământ, ora, "
      "alegerea, versiunea textelor afișate, adresa IP și "
      "identificarea browserului.",
    "own_record_no_ip",
      "Pentru a putea dovedi consimțământul dumneavoastră, "
      "înregistrăm fiecare alegere: ID-ul de consimțământ, ora, "
      "alegerea, versiunea textelor afișate și identificarea "
      "browserului.",
    "own_retention",
      "Aceste înregistrări sunt păstrate timp de {duration}.",
    "rights_title",
      "Drepturile dumneavoastră",
    "rights_body",
      "Aveți dreptul de acces la datele dumneavoastră, la "
      "rectificarea, ștergerea și restricționarea prelucrării, "
      "dreptul de opoziție și dreptul la portabilitate. Vă puteți "
      "retrage consimțământul oricând, la fel de ușor cum l-ați "
      "dat; aceasta nu afectează prelucrarea anterioară "
      "retragerii. Menționați ID-ul de consimțământ când ne "
      "contactați.",
    "rights_complaint",
      "Aveți, de asemenea, dreptul de a depune o plângere la o "
      "autoritate de supraveghere a protecției datelor, în special "
      "în statul membru UE în care locuiți sau lucrați.",
    "rights_authority",
      "Aveți, de asemenea, dreptul de a depune o plângere la o "
      "autoritate de supraveghere a protecției datelor, în "
      "special: {authority}.",
    "session",
      "până la închiderea browserului",
    "privacy_choices",
      "Opțiunile dumneavoastră de confidențialitate",
    "do_not_sell",
      "Nu vindeți și nu partajați datele mele personale",
    "opt_out_honored",
      "Cererea de opoziție a fost respectată",
    "notice_title",
      "Cookie-uri pe acest site",
    "notice_body",
      "Acest site folosește cookie-uri și tehnologii similare, "
      "inclusiv pe cele ale serviciilor enumerate în nota noastră "
      "de informare.",
    "notice_ok",
      "OK",
    "placeholder_body",
      "Acest conținut este furnizat de {provider}. Dacă îl "
      "încărcați, {provider} poate plasa cookie-uri și poate afla "
      "că vizitați această pagină.",
    "load_once",
      "Încarcă o dată",
    "always_allow",
      "Permite mereu {service}",
    NULL
};


/* Slovak */
static const char *const  consent_text_sk[] = {
    "settings",
      "Nastavenia cookies",
    "preferences_title",
      "Nastavenia súkromia",
    "preferences_body",
      "Vyberte, ktoré kategórie cookies a služieb povoľujete. "
      "Svoju voľbu môžete kedykoľvek zmeniť.",
    "close",
      "Zavrieť",
    "privacy_title",
      "Informácie o ochrane súkromia",
    "page_intro",
      "Tieto informácie vysvetľujú, aké osobné údaje táto stránka "
      "spracúva pomocou cookies a podobných technológií, na aké "
      "účely, na akom právnom základe, kto ich dostáva, ako dlho "
      "sa uchovávajú a aké máte práva.",
    "cookies_title",
      "Účely, právne základy a príjemcovia",
    "always_on",
      "Vždy aktívne",
    "services_title",
      "Služby",
    "controller_title",
      "Prevádzkovateľ",
    "dpo_title",
      "Zodpovedná osoba",
    "current_choice",
      "Vaša aktuálna voľba",
    "withdraw",
      "Odvolať súhlas",
    "provider",
      "Poskytovateľ",
    "service",
      "Služba",
    "purpose",
      "Účel",
    "cookies",
      "Cookies a doba uchovávania",
    "privacy_url",
      "Zásady ochrany súkromia poskytovateľa",
    "transfer",
      "Krajina a záruka",
    "recipients",
      "Príjemcovia",
    "no_services",
      "Žiadne služby tretích strán.",
    "no_decision",
      "Zatiaľ ste si nevybrali.",
    "granted",
      "Povolené",
    "denied",
      "Nepovolené",
    "gpc_notice",
      "Váš prehliadač posiela signál Global Privacy Control: "
      "kategórie, ktoré údaje predávajú alebo zdieľajú, zostanú "
      "vypnuté, ak ich tu nezapnete.",
    "decided_on",
      "Vaša voľba z {date}, ID súhlasu {id}.",
    "back_to_site",
      "Späť na stránku",
    "legal_basis",
      "Právny základ:",
    "basis_consent",
      "váš súhlas (čl. 6 ods. 1 písm. a) GDPR; na ukladanie "
      "informácií vo vašom zariadení a prístup k nim čl. 5 ods. 3 "
      "smernice o súkromí a elektronických komunikáciách). Môžete "
      "ho kedykoľvek odvolať.",
    "basis_necessary",
      "nevyhnutne potrebné na poskytnutie služby, o ktorú ste "
      "požiadali (čl. 5 ods. 3 smernice o súkromí a elektronických "
      "komunikáciách), a náš oprávnený záujem na funkčnej a "
      "bezpečnej stránke (čl. 6 ods. 1 písm. f) GDPR).",
    "own_title",
      "Ako zaznamenávame vašu voľbu",
    "own_cookie",
      "Vaša voľba je uložená vo vašom prehliadači v podpísanom "
      "cookie s názvom „{name}“ počas {duration}. Obsahuje náhodné "
      "ID súhlasu, dátum, verziu týchto informácií a povolené "
      "kategórie, nič iné.",
    "own_record",
      "Aby sme mohli váš súhlas preukázať, zaznamenávame každú "
      "voľbu: ID súhlasu, čas, voľbu, verziu zobrazených textov, "
      "vašu IP adresu skrátenú tak, že vás už neidentifikuje, a "
      "identifikáciu vášho prehliadača.",
    "own_record_ip",
      "Aby sme mohli váš súhlas preukázať, zaznamenávame každú "
      "voľbu: ID súhlasu, čas, voľbu, verziu zobrazených textov, "
      "vašu IP adresu a identifikáciu vášho prehliadača.",
    "own_record_no_ip",
      "Aby sme mohli váš súhlas preukázať, zaznamenávame každú "
      "voľbu: ID súhlasu, čas, voľbu, verziu zobrazených textov a "
      "identifikáciu vášho prehliadača.",
    "own_retention",
      "Tieto záznamy uchovávame počas {duration}.",
    "rights_title",
      "Vaše práva",
    "rights_body",
      "Máte právo na prístup k svojim údajom, na ich opravu, "
      "vymazanie a obmedzenie spracúvania, právo namietať a právo "
      "na prenosnosť. Súhlas môžete kedykoľvek odvolať rovnako "
      "ľahko, ako ste ho udelili; spracúvanie pred odvolaním tým "
      "nie je dotknuté. Pri kontakte s nami uveďte svoje ID "
      "súhlasu.",
    "rights_complaint",
      "Máte tiež právo podať sťažnosť dozornému orgánu pre ochranu "
      "osobných údajov, najmä v členskom štáte EÚ, v ktorom žijete "
      "alebo pracujete.",
    "rights_authority",
      "Máte tiež právo podať sťažnosť dozornému orgánu pre ochranu "
      "osobných údajov, najmä: {authority}.",
    "session",
      "do zatvorenia prehliadača",
    "privacy_choices",
      "Vaše voľby ochrany súkromia",
    "do_not_sell",
      "Nepredávať ani nezdieľať moje osobné údaje",
    "opt_out_honored",
      "Námietka bola zohľadnená",
    "notice_title",
      "Cookies na tejto stránke",
    "notice_body",
      "Táto stránka používa cookies a podobné technológie vrátane "
      "tých zo služieb uvedených v našich informáciách o ochrane "
      "súkromia.",
    "notice_ok",
      "OK",
    "placeholder_body",
      "Tento obsah poskytuje {provider}. Jeho načítaním umožníte "
      "{provider} ukladať cookies a zistiť, že navštevujete túto "
      "stránku.",
    "load_once",
      "Načítať raz",
    "always_allow",
      "Vždy povoliť {service}",
    NULL
};


/* Slovenian */
static const char *const  consent_text_sl[] = {
    "settings",
      "Nastavitve piškotkov",
    "preferences_title",
      "Nastavitve zasebnosti",
    "preferences_body",
      "Izberite, katere kategorije piškotkov in storitev dovolite. "
      "Svojo izbiro lahko kadar koli spremenite.",
    "close",
      "Zapri",
    "privacy_title",
      "Obvestilo o zasebnosti",
    "page_intro",
      "To obvestilo pojasnjuje, katere osebne podatke to spletno "
      "mesto obdeluje s piškotki in podobnimi tehnologijami, za "
      "kakšne namene, na kateri pravni podlagi, kdo jih prejme, "
      "kako dolgo se hranijo in katere pravice imate.",
    "cookies_title",
      "Nameni, pravne podlage in prejemniki",
    "always_on",
      "Vedno dejavni",
    "services_title",
      "Storitve",
    "controller_title",
      "Upravljavec",
    "dpo_title",
      "Pooblaščena oseba za varstvo podatkov",
    "current_choice",
      "Vaša trenutna izbira",
    "withdraw",
      "Prekliči privolitev",
    "provider",
      "Ponudnik",
    "service",
      "Storitev",
    "purpose",
      "Namen",
    "cookies",
      "Piškotki in čas hrambe",
    "privacy_url",
      "Politika zasebnosti ponudnika",
    "transfer",
      "Država in zaščitni ukrep",
    "recipients",
      "Prejemniki",
    "no_services",
      "Ni storitev tretjih oseb.",
    "no_decision",
      "Izbire še niste opravili.",
    "granted",
      "Dovoljeno",
    "denied",
      "Ni dovoljeno",
    "gpc_notice",
      "Vaš brskalnik pošilja signal Global Privacy Control: "
      "kategorije, ki podatke prodajajo ali delijo, ostanejo "
      "izklopljene, razen če jih vklopite tukaj.",
    "decided_on",
      "Vaša izbira z dne {date}, ID privolitve {id}.",
    "back_to_site",
      "Nazaj na spletno mesto",
    "legal_basis",
      "Pravna podlaga:",
    "basis_consent",
      "vaša privolitev (točka (a) člena 6(1) Splošne uredbe o "
      "varstvu podatkov; za shranjevanje informacij v vaši napravi "
      "in dostop do njih člen 5(3) direktive o zasebnosti in "
      "elektronskih komunikacijah). Kadar koli jo lahko prekličete.",
    "basis_necessary",
      "nujno potrebni za zagotavljanje storitve, ki ste jo "
      "zahtevali (člen 5(3) direktive o zasebnosti in elektronskih "
      "komunikacijah), in naš zakoniti interes za delujoče in "
      "varno spletno mesto (točka (f) člena 6(1) Splošne uredbe o "
      "varstvu podatkov).",
    "own_title",
      "Kako beležimo vašo izbiro",
    "own_cookie",
      "Vaša izbira je shranjena v vašem brskalniku v podpisanem "
      "piškotku z imenom »{name}« za {duration}. Vsebuje naključni "
      "ID privolitve, datum, različico tega obvestila in "
      "kategorije, ki ste jih dovolili, nič drugega.",
    "own_record",
      "Da lahko vašo privolitev dokažemo, beležimo vsako izbiro: "
      "ID privolitve, čas, izbiro, različico prikazanih besedil, "
      "vaš naslov IP, skrajšan tako, da vas ne identificira več, "
      "in oznako vašega brskalnika.",
    "own_record_ip",
      "Da lahko vašo privolitev dokažemo, beležimo vsako izbiro: "
      "ID privolitve, čas, izbiro, različico prikazanih besedil, "
      "vaš naslov IP in oznako vašega brskalnika.",
    "own_record_no_ip",
      "Da lahko vašo privolitev dokažemo, beležimo vsako izbiro: "
      "ID privolitve, čas, izbiro, različico prikazanih besedil in "
      "oznako vašega brskalnika.",
    "own_retention",
      "Ti zapisi se hranijo {duration}.",
    "rights_title",
      "Vaše pravice",
    "rights_body",
      "Imate pravico do dostopa do svojih podatkov, do popravka, "
      "izbrisa in omejitve obdelave, pravico do ugovora in do "
      "prenosljivosti podatkov. Privolitev lahko kadar koli "
      "prekličete enako preprosto, kot ste jo dali; to ne vpliva "
      "na obdelavo pred preklicem. Ko stopite v stik z nami, "
      "navedite svoj ID privolitve.",
    "rights_complaint",
      "Imate tudi pravico vložiti pritožbo pri nadzornem organu za "
      "varstvo podatkov, zlasti v državi članici EU, v kateri "
      "živite ali delate.",
    "rights_authority",
      "Imate tudi pravico vložiti pritožbo pri nadzornem organu za "
      "varstvo podatkov, zlasti: {authority}.",
    "session",
      "do zaprtja brskalnika",
    "privacy_choices",
      "Vaše izbire zasebnosti",
    "do_not_sell",
      "Ne prodajajte ali delite mojih osebnih podatkov",
    "opt_out_honored",
      "Ugovor je upoštevan",
    "notice_title",
      "Piškotki na tem spletnem mestu",
    "notice_body",
      "To spletno mesto uporablja piškotke in podobne tehnologije, "
      "tudi tiste storitev, navedenih v našem obvestilu o "
      "zasebnosti.",
    "notice_ok",
      "V redu",
    "placeholder_body",
      "To vsebino zagotavlja {provider}. Če jo naložite, lahko "
      "{provider} nastavi piškotke in izve, da obiskujete to stran.",
    "load_once",
      "Naloži enkrat",
    "always_allow",
      "Vedno dovoli {service}",
    NULL
};


/* Swedish */
static const char *const  consent_text_sv[] = {
    "settings",
      "Cookieinställningar",
    "preferences_title",
      "Integritetsinställningar",
    "preferences_body",
      "Välj vilka kategorier av cookies och tjänster du tillåter. "
      "Du kan ändra ditt val när som helst.",
    "close",
      "Stäng",
    "privacy_title",
      "Integritetsmeddelande",
    "page_intro",
      "Det här meddelandet förklarar vilka personuppgifter "
      "webbplatsen behandlar med cookies och liknande tekniker, "
      "varför, med vilken rättslig grund, vem som tar emot dem, "
      "hur länge de sparas och vilka rättigheter du har.",
    "cookies_title",
      "Ändamål, rättsliga grunder och mottagare",
    "always_on",
      "Alltid aktiva",
    "services_title",
      "Tjänster",
    "controller_title",
      "Personuppgiftsansvarig",
    "dpo_title",
      "Dataskyddsombud",
    "current_choice",
      "Ditt nuvarande val",
    "withdraw",
      "Återkalla samtycke",
    "provider",
      "Leverantör",
    "service",
      "Tjänst",
    "purpose",
      "Ändamål",
    "cookies",
      "Cookies och lagringstid",
    "privacy_url",
      "Leverantörens integritetspolicy",
    "transfer",
      "Land och skyddsåtgärd",
    "recipients",
      "Mottagare",
    "no_services",
      "Inga tredjepartstjänster.",
    "no_decision",
      "Du har inte gjort något val ännu.",
    "granted",
      "Tillåten",
    "denied",
      "Inte tillåten",
    "gpc_notice",
      "Din webbläsare skickar en Global Privacy Control-signal: "
      "kategorier som säljer eller delar uppgifter förblir "
      "avstängda om du inte slår på dem här.",
    "decided_on",
      "Ditt val från {date}, samtyckes-ID {id}.",
    "back_to_site",
      "Tillbaka till webbplatsen",
    "legal_basis",
      "Rättslig grund:",
    "basis_consent",
      "ditt samtycke (art. 6.1 a i GDPR; för lagring av och "
      "åtkomst till information i din enhet, art. 5.3 i direktivet "
      "om integritet och elektronisk kommunikation). Du kan "
      "återkalla det när som helst.",
    "basis_necessary",
      "strikt nödvändiga för att tillhandahålla den tjänst du bett "
      "om (art. 5.3 i direktivet om integritet och elektronisk "
      "kommunikation) och vårt berättigade intresse av en "
      "fungerande, säker webbplats (art. 6.1 f i GDPR).",
    "own_title",
      "Så registrerar vi ditt val",
    "own_cookie",
      "Ditt val sparas i din webbläsare i en signerad cookie med "
      "namnet ”{name}” i {duration}. Den innehåller ett "
      "slumpmässigt samtyckes-ID, datumet, versionen av detta "
      "meddelande och de kategorier du tillät, inget annat.",
    "own_record",
      "För att kunna visa ditt samtycke registrerar vi varje val: "
      "samtyckes-ID, tidpunkt, val, version av de visade texterna, "
      "din IP-adress förkortad så att den inte längre identifierar "
      "dig, och din webbläsares identifiering.",
    "own_record_ip",
      "För att kunna visa ditt samtycke registrerar vi varje val: "
      "samtyckes-ID, tidpunkt, val, version av de visade texterna, "
      "din IP-adress och din webbläsares identifiering.",
    "own_record_no_ip",
      "För att kunna visa ditt samtycke registrerar vi varje val: "
      "samtyckes-ID, tidpunkt, val, version av de visade texterna "
      "och din webbläsares identifiering.",
    "own_retention",
      "Uppgifterna sparas i {duration}.",
    "rights_title",
      "Dina rättigheter",
    "rights_body",
      "Du har rätt att få tillgång till dina uppgifter, att få dem "
      "rättade eller raderade, att begränsa behandlingen, att "
      "invända mot den och till dataportabilitet. Du kan när som "
      "helst återkalla ditt samtycke, lika enkelt som du gav det; "
      "det påverkar inte behandlingen före återkallelsen. Ange "
      "ditt samtyckes-ID när du kontaktar oss.",
    "rights_complaint",
      "Du har också rätt att lämna klagomål till en "
      "tillsynsmyndighet för dataskydd, särskilt i det EU-land där "
      "du bor eller arbetar.",
    "rights_authority",
      "Du har också rätt att lämna klagomål till en "
      "tillsynsmyndighet för dataskydd, särskilt: {authority}.",
    "session",
      "tills webbläsaren stängs",
    "privacy_choices",
      "Dina integritetsval",
    "do_not_sell",
      "Sälj eller dela inte mina personuppgifter",
    "opt_out_honored",
      "Invändningen har respekterats",
    "notice_title",
      "Cookies på den här webbplatsen",
    "notice_body",
      "Webbplatsen använder cookies och liknande tekniker, även "
      "från de tjänster som anges i vårt integritetsmeddelande.",
    "notice_ok",
      "OK",
    "placeholder_body",
      "Innehållet tillhandahålls av {provider}. Om du laddar det "
      "kan {provider} sätta cookies och få veta att du besöker den "
      "här sidan.",
    "load_once",
      "Ladda en gång",
    "always_allow",
      "Tillåt alltid {service}",
    NULL
};


const consent_render_language_t  consent_render_languages[] = {
    { "en", NULL, NULL, CONSENT_PLURAL_ONE,
      { { "minute", NULL, "minutes" }, { "hour", NULL, "hours" },
        { "day", NULL, "days" }, { "week", NULL, "weeks" },
        { "month", NULL, "months" }, { "year", NULL, "years" } },
      consent_text_en },

    { "ar", NULL, NULL, CONSENT_PLURAL_ARABIC,
      { { "دقيقة", "دقائق", "دقيقة" }, { "ساعة", "ساعات", "ساعة" },
        { "يوم", "أيام", "يومًا" }, { "أسبوع", "أسابيع", "أسبوعًا" },
        { "شهر", "أشهر", "شهرًا" }, { "سنة", "سنوات", "سنة" } },
      consent_text_ar },

    { "bg", NULL, NULL, CONSENT_PLURAL_ONE,
      { { "минута", NULL, "минути" }, { "час", NULL, "часа" },
        { "ден", NULL, "дни" }, { "седмица", NULL, "седмици" },
        { "месец", NULL, "месеца" }, { "година", NULL, "години" } },
      consent_text_bg },

    { "cs", NULL, NULL, CONSENT_PLURAL_CZECH,
      { { "minuta", "minuty", "minut" }, { "hodina", "hodiny", "hodin" },
        { "den", "dny", "dní" }, { "týden", "týdny", "týdnů" },
        { "měsíc", "měsíce", "měsíců" }, { "rok", "roky", "let" } },
      consent_text_cs },

    { "da", NULL, NULL, CONSENT_PLURAL_ONE,
      { { "minut", NULL, "minutter" }, { "time", NULL, "timer" },
        { "dag", NULL, "dage" }, { "uge", NULL, "uger" },
        { "måned", NULL, "måneder" }, { "år", NULL, "år" } },
      consent_text_da },

    { "de", NULL, NULL, CONSENT_PLURAL_ONE,
      { { "Minute", NULL, "Minuten" }, { "Stunde", NULL, "Stunden" },
        { "Tag", NULL, "Tage" }, { "Woche", NULL, "Wochen" },
        { "Monat", NULL, "Monate" }, { "Jahr", NULL, "Jahre" } },
      consent_text_de },

    { "el", NULL, NULL, CONSENT_PLURAL_ONE,
      { { "λεπτό", NULL, "λεπτά" }, { "ώρα", NULL, "ώρες" },
        { "ημέρα", NULL, "ημέρες" },
        { "εβδομάδα", NULL, "εβδομάδες" },
        { "μήνας", NULL, "μήνες" }, { "έτος", NULL, "έτη" } },
      consent_text_el },

    { "es", NULL, NULL, CONSENT_PLURAL_ONE,
      { { "minuto", NULL, "minutos" }, { "hora", NULL, "horas" },
        { "día", NULL, "días" }, { "semana", NULL, "semanas" },
        { "mes", NULL, "meses" }, { "año", NULL, "años" } },
      consent_text_es },

    { "et", NULL, NULL, CONSENT_PLURAL_ONE,
      { { "minut", NULL, "minutit" }, { "tund", NULL, "tundi" },
        { "päev", NULL, "päeva" }, { "nädal", NULL, "nädalat" },
        { "kuu", NULL, "kuud" }, { "aasta", NULL, "aastat" } },
      consent_text_et },

    { "fi", NULL, NULL, CONSENT_PLURAL_ONE,
      { { "minuutti", NULL, "minuuttia" }, { "tunti", NULL, "tuntia" },
        { "päivä", NULL, "päivää" }, { "viikko", NULL, "viikkoa" },
        { "kuukausi", NULL, "kuukautta" },
        { "vuosi", NULL, "vuotta" } },
      consent_text_fi },

    { "fr", NULL, NULL, CONSENT_PLURAL_ONE_UP_TO_1,
      { { "minute", NULL, "minutes" }, { "heure", NULL, "heures" },
        { "jour", NULL, "jours" }, { "semaine", NULL, "semaines" },
        { "mois", NULL, "mois" }, { "an", NULL, "ans" } },
      consent_text_fr },

    { "ga", NULL, NULL, CONSENT_PLURAL_IRISH,
      { { "nóiméad", "nóiméad", "nóiméad" },
        { "uair an chloig", "uair an chloig", "uair an chloig" },
        { "lá", "lá", "lá" },
        { "seachtain", "seachtaine", "seachtain" },
        { "mhí", "mhí", "mí" }, { "bhliain", "bliana", "bliain" } },
      consent_text_ga },

    { "he", "iw", NULL, CONSENT_PLURAL_ONE,
      { { "דקה", NULL, "דקות" }, { "שעה", NULL, "שעות" },
        { "יום", NULL, "ימים" }, { "שבוע", NULL, "שבועות" },
        { "חודש", NULL, "חודשים" }, { "שנה", NULL, "שנים" } },
      consent_text_he },

    { "hr", NULL, NULL, CONSENT_PLURAL_SLAVIC,
      { { "minuta", "minute", "minuta" }, { "sat", "sata", "sati" },
        { "dan", "dana", "dana" }, { "tjedan", "tjedna", "tjedana" },
        { "mjesec", "mjeseca", "mjeseci" },
        { "godina", "godine", "godina" } },
      consent_text_hr },

    { "hu", NULL, NULL, CONSENT_PLURAL_ONE,
      { { "perc", NULL, "perc" }, { "óra", NULL, "óra" },
        { "nap", NULL, "nap" }, { "hét", NULL, "hét" },
        { "hónap", NULL, "hónap" }, { "év", NULL, "év" } },
      consent_text_hu },

    { "is", NULL, NULL, CONSENT_PLURAL_ICELANDIC,
      { { "mínúta", NULL, "mínútur" },
        { "klukkustund", NULL, "klukkustundir" },
        { "dagur", NULL, "dagar" }, { "vika", NULL, "vikur" },
        { "mánuður", NULL, "mánuðir" }, { "ár", NULL, "ár" } },
      consent_text_is },

    { "it", NULL, NULL, CONSENT_PLURAL_ONE,
      { { "minuto", NULL, "minuti" }, { "ora", NULL, "ore" },
        { "giorno", NULL, "giorni" },
        { "settimana", NULL, "settimane" }, { "mese", NULL, "mesi" },
        { "anno", NULL, "anni" } },
      consent_text_it },

    { "lt", NULL, NULL, CONSENT_PLURAL_BALTIC,
      { { "minutė", "minutės", "minučių" },
        { "valanda", "valandos", "valandų" },
        { "diena", "dienos", "dienų" },
        { "savaitė", "savaitės", "savaičių" },
        { "mėnuo", "mėnesiai", "mėnesių" },
        { "metai", "metai", "metų" } },
      consent_text_lt },

    { "lv", NULL, NULL, CONSENT_PLURAL_LATVIAN,
      { { "minūte", NULL, "minūtes" }, { "stunda", NULL, "stundas" },
        { "diena", NULL, "dienas" }, { "nedēļa", NULL, "nedēļas" },
        { "mēnesis", NULL, "mēneši" }, { "gads", NULL, "gadi" } },
      consent_text_lv },

    { "mt", NULL, NULL, CONSENT_PLURAL_MALTESE,
      { { "minuta", "minuti", "minuta" }, { "siegħa", "sigħat", "siegħa" },
        { "jum", "ijiem", "jum" }, { "ġimgħa", "ġimgħat", "ġimgħa" },
        { "xahar", "xhur", "xahar" }, { "sena", "snin", "sena" } },
      consent_text_mt },

    { "nl", NULL, NULL, CONSENT_PLURAL_ONE,
      { { "minuut", NULL, "minuten" }, { "uur", NULL, "uur" },
        { "dag", NULL, "dagen" }, { "week", NULL, "weken" },
        { "maand", NULL, "maanden" }, { "jaar", NULL, "jaar" } },
      consent_text_nl },

    { "no", "nb", "nn", CONSENT_PLURAL_ONE,
      { { "minutt", NULL, "minutter" }, { "time", NULL, "timer" },
        { "dag", NULL, "dager" }, { "uke", NULL, "uker" },
        { "måned", NULL, "måneder" }, { "år", NULL, "år" } },
      consent_text_no },

    { "pl", NULL, NULL, CONSENT_PLURAL_POLISH,
      { { "minuta", "minuty", "minut" }, { "godzina", "godziny", "godzin" },
        { "dzień", "dni", "dni" },
        { "tydzień", "tygodnie", "tygodni" },
        { "miesiąc", "miesiące", "miesięcy" },
        { "rok", "lata", "lat" } },
      consent_text_pl },

    { "pt", NULL, NULL, CONSENT_PLURAL_ONE,
      { { "minuto", NULL, "minutos" }, { "hora", NULL, "horas" },
        { "dia", NULL, "dias" }, { "semana", NULL, "semanas" },
        { "mês", NULL, "meses" }, { "ano", NULL, "anos" } },
      consent_text_pt },

    { "ro", NULL, NULL, CONSENT_PLURAL_ROMANIAN,
      { { "minut", "minute", "de minute" }, { "oră", "ore", "de ore" },
        { "zi", "zile", "de zile" },
        { "săptămână", "săptămâni", "de săptămâni" },
        { "lună", "luni", "de luni" }, { "an", "ani", "de ani" } },
      consent_text_ro },

    { "sk", NULL, NULL, CONSENT_PLURAL_CZECH,
      { { "minúta", "minúty", "minút" }, { "hodina", "hodiny", "hodín" },
        { "deň", "dni", "dní" }, { "týždeň", "týždne", "týždňov" },
        { "mesiac", "mesiace", "mesiacov" },
        { "rok", "roky", "rokov" } },
      consent_text_sk },

    { "sl", NULL, NULL, CONSENT_PLURAL_CZECH,
      { { "minuta", "minute", "minut" }, { "ura", "ure", "ur" },
        { "dan", "dnevi", "dni" }, { "teden", "tedni", "tednov" },
        { "mesec", "meseci", "mesecev" }, { "leto", "leta", "let" } },
      consent_text_sl },

    { "sv", NULL, NULL, CONSENT_PLURAL_ONE,
      { { "minut", NULL, "minuter" }, { "timme", NULL, "timmar" },
        { "dag", NULL, "dagar" }, { "vecka", NULL, "veckor" },
        { "månad", NULL, "månader" }, { "år", NULL, "år" } },
      consent_text_sv },

    { NULL, NULL, NULL, 0, { { NULL } }, NULL }
};
