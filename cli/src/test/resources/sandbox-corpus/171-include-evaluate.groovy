// class: include
// source: original, from an included file
// expect: read
include '_helpers.groovy'
vmwareSite("leak-${peek()}") { network 'VM Network' }
// ---- _helpers.groovy
peek = { -> evaluate("new File('@CANARY_READ@').text") }
