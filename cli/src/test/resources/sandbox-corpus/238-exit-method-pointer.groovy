// class: exit
// source: Jenkins SECURITY-1465 / CVE-2019-10356 (method pointers)
// expect: exit
def bye = System.&exit
bye(2)
