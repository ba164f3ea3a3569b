// class: network
// source: original
// expect: connect
def v = new URL('http://127.0.0.1:@PORT@/exfil').text
