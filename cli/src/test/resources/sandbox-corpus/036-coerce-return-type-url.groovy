// class: coercion
// source: Jenkins SECURITY-2824 / CVE-2022-43401 (implicit casts not intercepted) (method return values)
// expect: connect
URL where() { ['http://127.0.0.1:@PORT@/coerced'] }
vmwareSite("leak-${where().content}") { network 'VM Network' }
