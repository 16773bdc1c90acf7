{{%AUTOESCAPE context="HTML"}}{{TOTAL}} {{PAGE}}/{{PAGES}}{{#PREV}} prev={{NUMBER}}{{/PREV}}{{#NEXT}} next={{NUMBER}}{{/NEXT}}
