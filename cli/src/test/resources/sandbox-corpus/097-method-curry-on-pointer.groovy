// class: method
// source: original
// expect: run
def run = ProcessBuilder.&new.curry(['touch', '@MARKER@'] as String[])
run().start().waitFor()
