{{%AUTOESCAPE context="HTML"}}<p class="back"><a href="/portal/surveys">‹ 满意度调查</a></p>
{{>FORM}}
