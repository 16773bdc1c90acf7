{{%AUTOESCAPE context="HTML"}}<b>{{INNER}}</b>
