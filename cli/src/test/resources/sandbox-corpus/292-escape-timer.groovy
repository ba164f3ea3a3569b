// class: script-escape
// source: original
// expect: write
def t = new Timer(true)
t.runAfter(10) { new File('@CANARY_WRITE@').text = 'pwned' }
sleep 300
