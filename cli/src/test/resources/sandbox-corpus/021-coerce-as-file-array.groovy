// class: coercion
// source: Jenkins SECURITY-2824 / CVE-2022-43403 (per-element casts of arrays)
// expect: read
def files = [['@CANARY_READ@']] as File[]
def v = files[0].text
vmwareSite("leak-${v}") { network 'VM Network' }
