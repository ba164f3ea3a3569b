// class: network
// source: original
// expect: connect
def ss = new ServerSocket(0)
def port = ss.localPort
ss.close()
