// class: network
// source: original
// expect: connect
def s = new Socket('127.0.0.1', @PORT@)
s.outputStream << 'hello'
s.close()
