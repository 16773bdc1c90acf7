{{%AUTOESCAPE context="HTML"}}<section class="card error-page" data-status="{{STATUS}}">
  <h1>{{STATUS}} · 无法完成您的请求</h1>
  <p class="error-message">{{MESSAGE}}</p>
  <p><a class="button" href="{{HOME}}">返回首页</a></p>
</section>
