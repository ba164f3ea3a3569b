// class: coercion
// source: Jenkins SECURITY-2824 / CVE-2022-43401 (implicit casts not intercepted) (method return values)
// expect: list
File folder() { ['@CANARY_DIR@'] }
vmwareSite("leak-${folder().list().join(',')}") { network 'VM Network' }
