// class: script-escape
// source: original (Script.run(File, String[]))
// expect: read
run(new File('@CANARY_READ@'), [] as String[])
