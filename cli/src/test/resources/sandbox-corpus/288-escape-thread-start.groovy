// class: script-escape
// source: original (code on another thread)
// expect: write
Thread.start { new File('@CANARY_WRITE@').text = 'pwned' }.join()
