// class: file-read
// source: original (exfiltrate through an error message)
// expect: read
File f = ['@CANARY_READ@']
throw new IllegalStateException(f.text)
