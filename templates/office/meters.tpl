{{%AUTOESCAPE context="HTML"}}<article class="meters" data-page="office-meters" data-building="{{BUILDING}}" data-item="{{ITEM}}" data-period="{{PERIOD}}">
  <section class="card">
    <h1>抄表</h1>
{{#DONE}}    <p class="notice" role="status" data-done>{{MESSAGE}}</p>
{{/DONE}}{{#REFUSED}}    <p class="field-error form-notice" role="alert" data-problems="{{PROBLEMS}}">有 {{PROBLEMS}} 条读数需要处理，没有保存任何读数。请改正，或核对后勾选“确认”再保存。</p>
{{/REFUSED}}{{#STRAY}}    <p class="field-error" data-field="unit">{{MESSAGE}}</p>
{{/STRAY}}    <form class="filters meter-choice" method="get" action="/office/meters" data-form="choose">
      <label>楼栋 <select name="building">
{{#BUILDING_OPTION}}        <option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/BUILDING_OPTION}}      </select></label>
      <label>项目 <select name="item">
{{#ITEM_OPTION}}        <option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ITEM_OPTION}}      </select></label>
      <label>月份 <input type="month" name="period" value="{{PERIOD}}" required></label>
      <button type="submit" class="secondary">打开抄表单</button>
    </form>
{{#NO_ITEM}}    <p class="empty">本小区还没有启用的按表计量收费项目，请先在“收费项目与标准”中添加。</p>
{{/NO_ITEM}}{{#NO_BUILDING}}    <p class="empty">本小区还没有楼栋。</p>
{{/NO_BUILDING}}  </section>
{{#SHEET}}  <section class="card meter-sheet" data-units="{{UNITS}}" data-read="{{READ_COUNT}}">
    <h2>{{BUILDING_NAME}} · {{ITEM_NAME}} · {{PERIOD}}</h2>
    <p class="hint">已抄 {{READ_COUNT}} / {{UNITS}} 户。上次读数为之前月份最近的有效读数；读数单位：{{UNIT_LABEL}}，最多 2 位小数。留空的房屋不保存；已出账的读数不能更改。</p>
{{#NO_UNITS}}    <p class="empty">这栋楼没有收此项费用的房屋。</p>
{{/NO_UNITS}}    <form method="post" action="/office/meters" data-form="save">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="action" value="save">
      <input type="hidden" name="building" value="{{BUILDING}}">
      <input type="hidden" name="item" value="{{ITEM}}">
      <input type="hidden" name="period" value="{{PERIOD}}">
      <div class="table-scroll">
      <table class="list meter-table">
        <thead><tr><th>房号</th><th>上次读数</th><th>本月读数</th><th>用量</th><th class="meter-who">录入</th><th>新读数</th></tr></thead>
        <tbody>
{{#ROW}}          <tr data-unit-code="{{UNIT_CODE}}" data-usage-c="{{USAGE_C}}" data-billed="{{BILLED}}"{{#PROBLEM}} class="refused"{{/PROBLEM}}>
            <th scope="row">{{UNIT_CODE}}</th>
            <td data-previous>{{PREVIOUS}} <span class="hint">{{PREVIOUS_PERIOD}}</span></td>
{{#READ}}            <td data-reading>{{READING}}</td><td data-usage>{{USAGE}}</td><td class="hint meter-who">{{BY}} {{AT}} {{SOURCE}} {{FLAG_NAME}}</td>
{{/READ}}{{#UNREAD}}            <td data-reading>—</td><td data-usage>—</td><td class="hint meter-who">未抄</td>
{{/UNREAD}}            <td class="meter-input">
              <input type="hidden" name="unit" value="{{UNIT_CODE}}">
              <input name="reading" value="{{INPUT}}" inputmode="decimal" maxlength="16" aria-label="{{UNIT_CODE}} 新读数"{{#IS_BILLED}} disabled title="已出账"{{/IS_BILLED}}>
{{#IS_BILLED}}              <span class="badge">已出账</span>
{{/IS_BILLED}}{{#PROBLEM}}              <p class="field-error" data-field="reading" data-unit-code="{{UNIT_CODE}}">{{MESSAGE}}</p>
{{#CONFIRM}}              <label class="check"><input type="checkbox" name="confirm" value="{{UNIT_CODE}}"> 确认无误</label>
{{/CONFIRM}}{{/PROBLEM}}            </td>
          </tr>
{{/ROW}}        </tbody>
      </table>
      </div>
{{#SAVE}}      <button type="submit" class="primary">保存读数</button>
{{/SAVE}}
    </form>
  </section>
{{/SHEET}}{{#MAY_ENTER}}  <section class="card meter-import">
    <details{{#IMPORT_OPEN}} open{{/IMPORT_OPEN}}>
      <summary>从 CSV 文件导入读数</summary>
      <p class="hint">UTF-8 编码的 CSV（Excel 中“另存为 CSV UTF-8”），第一行为表头 <code>房号,读数</code>，每户一行；读数留空的行跳过。先勾选“只检查”核对，任何一行有问题则一行都不写入。</p>
      <form class="stacked" method="post" action="/office/meters" enctype="multipart/form-data" data-form="import" novalidate>
        <input type="hidden" name="csrf" value="{{CSRF}}">
        <input type="hidden" name="action" value="import">
        <input type="hidden" name="building" value="{{BUILDING}}">
        <label>项目 <select name="item">
{{#ITEM_OPTION}}          <option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ITEM_OPTION}}        </select></label>
        <label>月份 <input type="month" name="period" value="{{PERIOD}}" required></label>
        <label>CSV 文件 <input type="file" name="file" accept=".csv,text/csv" required></label>
{{#FILE_ERROR}}        <p class="field-error" data-field="file">{{MESSAGE}}</p>
{{/FILE_ERROR}}        <label class="check"><input type="checkbox" name="dry_run" value="1" checked> 只检查，不写入</label>
        <label class="check"><input type="checkbox" name="confirm_all" value="1"> 文件中低于上次读数（换表）或用量突增的读数均已核对无误</label>
        <button type="submit" class="primary">上传</button>
      </form>
{{#REPORT}}      <section class="import-report" data-rows="{{ROWS}}" aria-label="检查结果">
{{#PROBLEMS}}        <p class="field-error form-notice" role="alert" data-problems="{{TOTAL}}">发现 {{TOTAL}} 个问题，没有写入任何读数。请改正后重新上传。</p>
        <table class="list import-problems">
          <thead><tr><th>行</th><th>列</th><th>问题</th></tr></thead>
          <tbody>
{{#PROBLEM}}            <tr data-line="{{LINE}}" data-column="{{COLUMN}}"><td>第 {{LINE}} 行</td><td>{{COLUMN}}</td><td>{{MESSAGE}}</td></tr>
{{/PROBLEM}}          </tbody>
        </table>
{{/PROBLEMS}}{{#CLEAN}}        <p class="notice" data-summary="clean">没有发现问题，将写入以下 {{ROWS}} 条读数（尚未写入：取消“只检查”后再上传同一个文件）。</p>
        <table class="list">
          <thead><tr><th>行</th><th>房号</th><th>上次读数</th><th>读数</th><th>用量</th><th>说明</th></tr></thead>
          <tbody>
{{#LINE}}            <tr data-line="{{LINE}}" data-unit-code="{{UNIT_CODE}}" data-usage-c="{{USAGE_C}}"><td>{{LINE}}</td><td>{{UNIT_CODE}}</td><td>{{PREVIOUS}}</td><td>{{READING}}</td><td>{{USAGE}}</td><td>{{NOTE}}</td></tr>
{{/LINE}}          </tbody>
        </table>
{{/CLEAN}}      </section>
{{/REPORT}}    </details>
  </section>
{{/MAY_ENTER}}</article>
