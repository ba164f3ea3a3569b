// class: method
// source: Jenkins SECURITY-1465 / CVE-2019-10356 (left side of a method pointer)
// expect: env
def v = ({ System.getProperty('@SYSPROP@') }().&toString)()
vmwareSite("leak-${v}") { network 'VM Network' }
