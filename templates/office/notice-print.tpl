{{%AUTOESCAPE context="HTML"}}<article class="bulletin-sheet" data-page="office-notice-print" data-notice-id="{{ID}}" data-importance="{{IMPORTANCE}}">
  <p class="slip-tools no-print"><a href="/office/notice?id={{ID:u}}">‹ 返回公告</a> · 请使用浏览器的打印功能（Ctrl+P），A4 纸纵向打印后张贴到宣传栏。</p>
  <header class="bulletin-sheet-head">
    <p class="bulletin-sheet-org">{{COMMUNITY_NAME}}</p>
    <h1>{{#URGENT}}紧急{{/URGENT}}公告</h1>
    <h2>{{TITLE}}</h2>
  </header>
  <div class="bulletin-body bulletin-sheet-body">{{BODY_HTML:none}}</div>
  <footer class="bulletin-sheet-foot">
    <div class="bulletin-sheet-sign">
      <p>{{COMMUNITY_NAME}}物业服务中心</p>
      <p>{{DATE}}</p>
    </div>
{{#QR}}    <figure class="bulletin-qr" data-qr>{{SVG:none}}<figcaption>扫码查看</figcaption></figure>
{{/QR}}  </footer>
  <p class="bulletin-sheet-url">{{URL}}</p>
</article>
