// class: method
// source: original
// expect: run
String[] cmd = ['sh', '-c', 'touch @MARKER@']
cmd.execute().waitFor()
