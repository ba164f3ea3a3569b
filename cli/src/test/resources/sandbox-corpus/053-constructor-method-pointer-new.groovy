// class: constructor
// source: Jenkins SECURITY-1465 / CVE-2019-10356 (method pointer expressions)
// expect: read
def make = File.&new
def v = make.call('@CANARY_READ@').text
vmwareSite("leak-${v}") { network 'VM Network' }
