// class: constructor
// source: Jenkins SECURITY-1266 family (constructor reached through a method reference)
// expect: read
def make = File::new
def v = make('@CANARY_READ@').text
vmwareSite("leak-${v}") { network 'VM Network' }
