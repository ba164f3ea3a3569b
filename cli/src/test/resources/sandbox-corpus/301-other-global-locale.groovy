// class: other
// source: original (changes the behaviour of later evaluations in the JVM)
// expect: escape
Locale.setDefault(Locale.forLanguageTag('tr-TR'))
TimeZone.setDefault(TimeZone.getTimeZone('Pacific/Kiritimati'))
