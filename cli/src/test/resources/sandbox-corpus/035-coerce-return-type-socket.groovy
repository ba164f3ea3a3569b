// class: coercion
// source: Jenkins SECURITY-2824 / CVE-2022-43401 (implicit casts not intercepted) (method return values)
// expect: connect
Socket connect() { ['127.0.0.1', @PORT@] }
connect().close()
