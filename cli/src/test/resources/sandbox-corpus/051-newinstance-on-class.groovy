// class: constructor
// source: original
// expect: read
def v = File.newInstance('@CANARY_READ@').text
vmwareSite("leak-${v}") { network 'VM Network' }
