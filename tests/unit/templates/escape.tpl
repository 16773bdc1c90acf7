{{%AUTOESCAPE context="HTML"}}<p title="{{TITLE}}">{{TEXT}}</p><a href="/x?q={{Q:u}}">x</a>{{#ROW}}<i>{{N}}</i>{{/ROW}}{{#SHOWN}}shown{{/SHOWN}}{{#HIDDEN}}hidden{{/HIDDEN}}[{{>PART}}]
