// class: coercion
// source: Jenkins SECURITY-2824 / CVE-2022-43401 (implicit casts not intercepted) (method return values)
// expect: write
FileOutputStream out() { ['@CANARY_WRITE@'] }
out().close()
