// class: coercion
// source: Jenkins SECURITY-2824 / CVE-2022-43401 (implicit casts not intercepted), from an included file
// expect: read
include '_helpers.groovy'
vmwareSite("leak-${peek()}") { network 'VM Network' }
// ---- _helpers.groovy
peek = { File f = ['@CANARY_READ@'] -> f.collect { it }.join('|') }
