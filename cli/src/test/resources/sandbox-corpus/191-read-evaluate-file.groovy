// class: file-read
// source: original (Script.evaluate(File) compiles the file; its errors echo its text)
// expect: read
evaluate(new File('@CANARY_READ@'))
