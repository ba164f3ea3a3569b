// class: file-read
// source: original (exfiltrate through a power assertion)
// expect: read
File f = ['@CANARY_READ@']
assert f.text == 'nothing'
