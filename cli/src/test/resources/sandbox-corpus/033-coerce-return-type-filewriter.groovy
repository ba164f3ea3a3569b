// class: coercion
// source: Jenkins SECURITY-2824 / CVE-2022-43401 (implicit casts not intercepted) (method return values)
// expect: write
FileWriter writer() { ['@CANARY_WRITE@'] }
def w = writer()
w << 'pwned'
w.close()
