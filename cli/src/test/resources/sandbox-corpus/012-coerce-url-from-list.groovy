// class: coercion
// source: original
// expect: connect
URL u = ['http://127.0.0.1:@PORT@/coerced']
def v = u.text
vmwareSite("leak-${v}") { network 'VM Network' }
