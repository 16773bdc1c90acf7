{{%AUTOESCAPE context="HTML"}}<section class="card archive-units" data-page="office-units">
  <h1>房屋档案</h1>
  <form class="filters" method="get" action="/office/units">
    <label>搜索 <input type="search" name="q" value="{{Q}}" maxlength="50" placeholder="房号、姓名、电话或车牌"></label>
    <label>楼栋
      <select name="building">
        <option value="">全部</option>
{{#BUILDING_OPTION}}        <option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/BUILDING_OPTION}}      </select>
    </label>
    <div class="filter-buttons">
      <button type="submit" class="primary">查看</button>
      <a href="/office/units">清除</a>
    </div>
  </form>
{{#Q_ERROR}}  <p class="field-error" data-field="q">{{MESSAGE}}</p>
{{/Q_ERROR}}  <ul class="unit-legend" aria-label="图例">
{{#LEGEND}}    <li><span class="unit-swatch state-{{STATE}}"></span>{{NAME}}</li>
{{/LEGEND}}  </ul>
{{#RESULTS}}  <p class="count">找到 <strong data-count>{{TOTAL}}</strong> 套房屋 · 第 {{PAGE}} / {{PAGES}} 页</p>
{{#EMPTY}}  <p class="empty">没有符合条件的房屋。</p>
{{/EMPTY}}  <table class="list unit-results">
    <thead><tr><th>房号</th><th>楼栋</th><th>状态</th><th>业主</th></tr></thead>
    <tbody>
{{#ROW}}      <tr data-unit-id="{{ID}}" data-unit-code="{{CODE}}" data-state="{{STATE}}">
        <td><a href="/office/unit?id={{ID:u}}">{{CODE}}</a></td><td>{{BUILDING_NAME}}</td>
        <td><span class="unit-state state-{{STATE}}">{{STATE_NAME}}</span></td><td>{{OWNERS}}</td>
      </tr>
{{/ROW}}    </tbody>
  </table>
  <nav class="pager" aria-label="翻页">
{{#PREV}}    <a rel="prev" href="/office/units?q={{Q:u}}&amp;page={{NUMBER:u}}">上一页</a>
{{/PREV}}    <span>第 {{PAGE}} / {{PAGES}} 页</span>
{{#NEXT}}    <a rel="next" href="/office/units?q={{Q:u}}&amp;page={{NUMBER:u}}">下一页</a>
{{/NEXT}}  </nav>
{{/RESULTS}}{{#NO_UNITS}}  <p class="empty">还没有房屋档案。</p>
{{/NO_UNITS}}{{#TRUNCATED}}  <p class="notice">房屋较多，只显示了一部分，请选择楼栋查看。</p>
{{/TRUNCATED}}</section>
{{#BUILDING}}<section class="card unit-block" data-building-id="{{ID}}">
  <h2>{{NAME}}</h2>
  <div class="unit-grid-scroll">
    <table class="unit-grid">
      <tbody>
{{#FLOOR}}        <tr data-floor="{{NUMBER}}">
          <th scope="row">{{NUMBER}} 层</th>
{{#UNIT}}          <td><a class="unit-cell state-{{STATE}}" href="/office/unit?id={{ID:u}}" data-unit-code="{{CODE}}" data-state="{{STATE}}" title="{{STATE_NAME}} · {{OWNERS}}"><strong>{{CODE}}</strong><small>{{OWNERS}}</small></a></td>
{{/UNIT}}        </tr>
{{/FLOOR}}      </tbody>
    </table>
  </div>
</section>
{{/BUILDING}}
