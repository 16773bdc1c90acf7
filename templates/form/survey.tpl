{{%AUTOESCAPE context="HTML"}}{{>FORM}}
<p class="hint survey-link-note">这是发给您家的专属调查链接，无需登录。请勿转发给他人。</p>
