<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnnotationCommands</name>
    <message>
        <source>Unstar</source>
        <translation>取消星标</translation>
    </message>
    <message>
        <source>Star</source>
        <translation>加星标</translation>
    </message>
    <message>
        <source>Add Tag…</source>
        <translation>添加标签……</translation>
    </message>
    <message>
        <source>Remove Tag</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <source>Edit Note…</source>
        <translation>编辑备注……</translation>
    </message>
</context>
<context>
    <name>AnnotationEditor</name>
    <message>
        <source>Star</source>
        <translation>加星标</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>已加星标</translation>
    </message>
    <message>
        <source>Unstar this event</source>
        <translation>取消此事件的星标</translation>
    </message>
    <message>
        <source>Star this event</source>
        <translation>给此事件加星标</translation>
    </message>
    <message>
        <source>No tags</source>
        <translation>无标签</translation>
    </message>
    <message>
        <source>Remove tag %1</source>
        <translation>移除标签 %1</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>The language changes when Timeline Viewer starts again.</source>
        <translation>重新启动时间线查看器后，界面语言才会改变。</translation>
    </message>
    <message>
        <source>%1 is not a table of columns: its roles cannot be chosen</source>
        <translation>%1 不是按列排列的表格：无法选择其列的用途</translation>
    </message>
    <message>
        <source>Loaded %1</source>
        <translation>已载入 %1</translation>
    </message>
    <message>
        <source>Putting the files together…</source>
        <translation>正在合并文件…</translation>
    </message>
    <message>
        <source>Load cancelled</source>
        <translation>已取消载入</translation>
    </message>
    <message>
        <source>The dates in this file read the same as day/month and month/day. They are shown month first; choose the order if that is wrong.</source>
        <translation>此文件中的日期按“日/月”或“月/日”读来都说得通。目前按“月在前”显示；如有误，请选择正确的顺序。</translation>
    </message>
    <message>
        <source>Choose which column plays each role. The second table shows the first rows as they would load; OK loads the file again with these columns, and they are remembered for it.</source>
        <translation>选择每一列的用途。第二个表格显示前几行按此载入后的样子；点“确定”会按这些列重新载入文件，并为该文件记住此选择。</translation>
    </message>
    <message>
        <source>1 event from %2 file(s)</source>
        <translation>1 个事件，来自 %2 个文件</translation>
    </message>
    <message>
        <source>%1 events from %2 file(s)</source>
        <translation>%1 个事件，来自 %2 个文件</translation>
    </message>
    <message>
        <source>A font is missing</source>
        <translation>缺少字体</translation>
    </message>
    <message>
        <source>Some events are written in Chinese, Japanese or Korean, but no installed font can show those characters. Install a CJK font (on Debian or Ubuntu: sudo apt-get install fonts-noto-cjk) and restart Timeline Viewer.</source>
        <translation>部分事件使用中文、日文或韩文书写，但系统中没有能显示这些字符的字体。请安装中日韩字体（Debian 或 Ubuntu：sudo apt-get install fonts-noto-cjk），然后重新启动时间线查看器。</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>没有最近的文件</translation>
    </message>
    <message>
        <source>About Timeline Viewer</source>
        <translation>关于时间线查看器</translation>
    </message>
    <message>
        <source>Timeline Viewer %1
A fast, zoomable timeline of dated events.</source>
        <translation>时间线查看器 %1
快速、可缩放的事件时间线。</translation>
    </message>
</context>
<context>
    <name>ColumnChoice</name>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>end</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>excerpt</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>lane</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>%1: `%2`</source>
        <translation>%1：`%2`</translation>
    </message>
    <message>
        <source>chosen by you: `%1`</source>
        <translation>由你选择：`%1`</translation>
    </message>
    <message>
        <source>chosen: `%1`</source>
        <translation>已选：`%1`</translation>
    </message>
    <message>
        <source>also a date: `%1`</source>
        <translation>也是日期：`%1`</translation>
    </message>
    <message>
        <source>Date columns considered:</source>
        <translation>考虑过的日期列：</translation>
    </message>
</context>
<context>
    <name>DateRangeFilter</name>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>any date, e.g. 2026-04-01 or 44 BC</source>
        <translation>任意日期，如 2026-04-01 或 公元前44年</translation>
    </message>
    <message>
        <source>%1 date</source>
        <translation>%1日期</translation>
    </message>
    <message>
        <source>Show all dates</source>
        <translation>显示全部日期</translation>
    </message>
    <message>
        <source>Not a date: %1</source>
        <translation>不是日期：%1</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>Click an event to read it.</source>
        <translation>点击事件即可阅读。</translation>
    </message>
    <message>
        <source>Event details</source>
        <translation>事件详情</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy event</source>
        <translation>复制事件</translation>
    </message>
    <message>
        <source>Copy the whole event as plain text</source>
        <translation>以纯文本复制整个事件</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>time</source>
        <translation>时刻</translation>
    </message>
    <message>
        <source>approximate</source>
        <translation>约略</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>%1, row %2</source>
        <translation>%1，第 %2 行</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>As written</source>
        <translation>原文写法</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Something went wrong: %1. Your loaded files are unchanged.</source>
        <translation>出错了：%1。已载入的文件未受影响。</translation>
    </message>
    <message>
        <source>Timeline Viewer</source>
        <translation>时间线查看器</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>EventTablePanel</name>
    <message>
        <source>Event table</source>
        <translation>事件表</translation>
    </message>
    <message>
        <source>Event count</source>
        <translation>事件数</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>The events that pass the filters; click a column header to sort.</source>
        <translation>通过筛选的事件；点击列标题可排序。</translation>
    </message>
    <message>
        <source>%1 of %2 events</source>
        <translation>%2 个事件中的 %1 个</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 个事件</translation>
    </message>
    <message>
        <source>%2 events</source>
        <translation>%2 个事件</translation>
    </message>
    <message>
        <source>%1 · sorting…</source>
        <translation>%1 · 正在排序…</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>There are no events to draw: open a file, or show the lanes you hid.</source>
        <translation>没有可绘制的事件：请打开文件，或显示已隐藏的分组。</translation>
    </message>
    <message>
        <source>Export image</source>
        <translation>导出图片</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 图片 (*.png);;SVG 矢量图 (*.svg);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>No shown event falls in that range: there is nothing to draw.</source>
        <translation>该范围内没有显示的事件：没有可绘制的内容。</translation>
    </message>
    <message>
        <source>Export Image</source>
        <translation>导出图片</translation>
    </message>
    <message>
        <source>Export events</source>
        <translation>导出事件</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON Lines (*.jsonl);;TimelineJS JSON (*.timelinejs.json);;Timesketch CSV (*.timesketch.csv);;Timesketch JSON Lines (*.timesketch.jsonl)</source>
        <translation>CSV (*.csv);;JSON Lines (*.jsonl);;TimelineJS JSON (*.timelinejs.json);;Timesketch CSV (*.timesketch.csv);;Timesketch JSON Lines (*.timesketch.jsonl)</translation>
    </message>
    <message>
        <source>%1 is a loaded file; it was not overwritten.</source>
        <translation>%1 是已载入的文件，未被覆盖。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>not enough memory; close other programs, or show fewer events and export again</source>
        <translation>内存不足；请关闭其他程序，或少显示一些事件后再导出</translation>
    </message>
</context>
<context>
    <name>ExportImageDialog</name>
    <message>
        <source>Export Image</source>
        <translation>导出图片</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>副标题</translation>
    </message>
    <message>
        <source>Source line</source>
        <translation>来源说明</translation>
    </message>
    <message>
        <source>e.g. Source: court filings</source>
        <translation>例如：来源：法院文件</translation>
    </message>
    <message>
        <source>What is visible</source>
        <translation>当前可见部分</translation>
    </message>
    <message>
        <source>The whole timeline</source>
        <translation>整条时间线</translation>
    </message>
    <message>
        <source>From … to …</source>
        <translation>从……到……</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>any date, e.g. 2026-04-01</source>
        <translation>任意日期，如 2026-04-01</translation>
    </message>
    <message>
        <source>Made for</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>文字大小</translation>
    </message>
    <message>
        <source>Scale (PNG)</source>
        <translation>缩放（PNG）</translation>
    </message>
    <message>
        <source>Fit the picture</source>
        <translation>适应图片</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <source>Pages wide (PDF)</source>
        <translation>横向页数（PDF）</translation>
    </message>
    <message>
        <source>Lane legend</source>
        <translation>分组图例</translation>
    </message>
    <message>
        <source>Dates shown, under the title</source>
        <translation>在标题下写出日期范围</translation>
    </message>
    <message>
        <source>Print look (black text, reads in greyscale)</source>
        <translation>打印样式（黑色文字，灰度打印可读）</translation>
    </message>
    <message>
        <source>Add the selected event&apos;s excerpt as a caption</source>
        <translation>添加所选事件的摘要作为图注</translation>
    </message>
    <message>
        <source>Only the starred events</source>
        <translation>只画加星标的事件</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Page (PDF)</source>
        <translation>页面（PDF）</translation>
    </message>
    <message>
        <source>Web page (1200 × 675)</source>
        <translation>网页（1200 × 675）</translation>
    </message>
    <message>
        <source>Square, for social media (1080 × 1080)</source>
        <translation>正方形，用于社交媒体（1080 × 1080）</translation>
    </message>
    <message>
        <source>Slide (1920 × 1080)</source>
        <translation>幻灯片（1920 × 1080）</translation>
    </message>
    <message>
        <source>A4 page, 300 dpi</source>
        <translation>A4 页面，300 dpi</translation>
    </message>
    <message>
        <source>Letter page, 300 dpi</source>
        <translation>Letter 页面，300 dpi</translation>
    </message>
    <message>
        <source>Custom size</source>
        <translation>自定义尺寸</translation>
    </message>
    <message>
        <source>Not a date: %1</source>
        <translation>不是日期：%1</translation>
    </message>
</context>
<context>
    <name>ImageExport</name>
    <message>
        <source>(no lane)</source>
        <translation>（无分类）</translation>
    </message>
</context>
<context>
    <name>LaneAxis</name>
    <message>
        <source>Click a lane&apos;s name to fold it to one row</source>
        <translation>单击分类名称可将其折叠为一行</translation>
    </message>
</context>
<context>
    <name>LaneLegend</name>
    <message>
        <source>Lanes</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Drag a lane, or press Ctrl+Up / Ctrl+Down, to move it</source>
        <translation>拖动分类，或按 Ctrl+Up / Ctrl+Down，以移动它</translation>
    </message>
    <message>
        <source>(no lane)</source>
        <translation>（无分类）</translation>
    </message>
</context>
<context>
    <name>LoadMessages</name>
    <message>
        <source>no column holds dates</source>
        <translation>没有哪一列是日期</translation>
    </message>
    <message>
        <source>unknown role {role!r}; roles are {roles}</source>
        <translation>未知的角色 {role!r}；可用的角色有 {roles}</translation>
    </message>
    <message>
        <source>there is no column {name!r} for {role}</source>
        <translation>没有名为 {name!r} 的列可作 {role}</translation>
    </message>
    <message>
        <source>year {year_text!r} is not a number</source>
        <translation>年份 {year_text!r} 不是数字</translation>
    </message>
    <message>
        <source>month {month_text!r} is not a number</source>
        <translation>月份 {month_text!r} 不是数字</translation>
    </message>
    <message>
        <source>month {month} is out of range</source>
        <translation>月份 {month} 超出范围</translation>
    </message>
    <message>
        <source>there is no day {day} in month {month} of year {year}</source>
        <translation>{year}年{month}月没有{day}日</translation>
    </message>
    <message>
        <source>time {text!r} is not a time of day</source>
        <translation>时间 {text!r} 不是一天中的时刻</translation>
    </message>
    <message>
        <source>is empty or has no header row</source>
        <translation>文件为空或没有标题行</translation>
    </message>
    <message>
        <source>CSV, TSV and other delimited text</source>
        <translation>CSV、TSV 等分隔文本</translation>
    </message>
    <message>
        <source>holds bytes that are not valid {encoding} text; they are shown as �</source>
        <translation>含有不是有效 {encoding} 文本的字节；它们显示为 �</translation>
    </message>
    <message>
        <source>{reason}; shown without an end</source>
        <translation>{reason}；显示时不带结束日期</translation>
    </message>
    <message>
        <source>ends before it starts; shown without an end</source>
        <translation>结束早于开始；显示时不带结束日期</translation>
    </message>
    <message>
        <source>changed while it was being read; load it again when it is saved</source>
        <translation>在读取期间被更改；请在保存完成后重新加载</translation>
    </message>
    <message>
        <source>is not a regular file (a pipe)</source>
        <translation>不是普通文件（是管道）</translation>
    </message>
    <message>
        <source>is not a regular file (a device)</source>
        <translation>不是普通文件（是设备）</translation>
    </message>
    <message>
        <source>is not a regular file (a socket)</source>
        <translation>不是普通文件（是套接字）</translation>
    </message>
    <message>
        <source>is not a regular file</source>
        <translation>不是普通文件</translation>
    </message>
    <message>
        <source>cannot be read ({error})</source>
        <translation>无法读取（{error}）</translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation>是文件夹，不是文件</translation>
    </message>
    <message>
        <source>nested too deeply to read</source>
        <translation>嵌套太深，无法读取</translation>
    </message>
    <message>
        <source>is empty; a JSON Lines file holds one JSON object per line.</source>
        <translation>文件为空；JSON Lines 文件每行应有一个 JSON 对象。</translation>
    </message>
    <message>
        <source>is not {encoding} text (undecodable byte at offset {offset}); JSON Lines must be saved as UTF-8.</source>
        <translation>不是 {encoding} 文本（偏移 {offset} 处有无法解码的字节）；JSON Lines 文件必须以 UTF-8 保存。</translation>
    </message>
    <message>
        <source>has no line holding a JSON object (line {first}: {reason}); a JSON Lines file holds one object per line.</source>
        <translation>没有一行是 JSON 对象（第 {first} 行：{reason}）；JSON Lines 文件每行应有一个对象。</translation>
    </message>
    <message>
        <source>has no line holding a JSON object ({count} lines hold something else, the first at line {first}: {reason}); a JSON Lines file holds one object per line.</source>
        <translation>没有一行是 JSON 对象（{count} 行是别的内容，第一处在第 {first} 行：{reason}）；JSON Lines 文件每行应有一个对象。</translation>
    </message>
    <message>
        <source>holds a byte that is not UTF-8 text at column {column}; the line was not read (JSON Lines must be saved as UTF-8)</source>
        <translation>第 {column} 列有一个不是 UTF-8 文本的字节；这一行未读取（JSON Lines 必须以 UTF-8 保存）</translation>
    </message>
    <message>
        <source>this line is {size} MB long, more than the {limit} MB a record may hold; it was not read</source>
        <translation>这一行长 {size} MB，超过一条记录最多可有的 {limit} MB；未读取</translation>
    </message>
    <message>
        <source>starts like a JSON array but is not valid JSON ({error} at line {line}, column {column}).</source>
        <translation>开头像 JSON 数组，但不是有效的 JSON（第 {line} 行第 {column} 列：{error}）。</translation>
    </message>
    <message>
        <source>starts like a JSON array but could not be read ({err}).</source>
        <translation>开头像 JSON 数组，但无法读取（{err}）。</translation>
    </message>
    <message>
        <source>holds a single JSON object spread over several lines (keys: {keys}), not one object per line or an array of records.</source>
        <translation>是一个跨越多行的 JSON 对象（键：{keys}），而不是每行一个对象或记录数组。</translation>
    </message>
    <message>
        <source>{error} at column {column}</source>
        <translation>第 {column} 列：{error}</translation>
    </message>
    <message>
        <source>is an empty JSON array, so it holds no records.</source>
        <translation>是空的 JSON 数组，没有任何记录。</translation>
    </message>
    <message>
        <source>is a JSON array of {count} items none of which is an object; each record should be an object of field names and values.</source>
        <translation>是含 {count} 项的 JSON 数组，但没有一项是对象；每条记录应是由字段名和值组成的对象。</translation>
    </message>
    <message>
        <source>not a JSON object: {reason}</source>
        <translation>不是 JSON 对象：{reason}</translation>
    </message>
    <message>
        <source>found an array</source>
        <translation>这里是数组</translation>
    </message>
    <message>
        <source>found a number</source>
        <translation>这里是数字</translation>
    </message>
    <message>
        <source>found a string</source>
        <translation>这里是字符串</translation>
    </message>
    <message>
        <source>found true/false</source>
        <translation>这里是 true/false</translation>
    </message>
    <message>
        <source>found null</source>
        <translation>这里是 null</translation>
    </message>
    <message>
        <source>{file}: {reason}</source>
        <translation>{file}：{reason}</translation>
    </message>
    <message>
        <source>unknown time zone {name!r} (use a name such as Europe/Berlin or +02:00)</source>
        <translation>未知的时区 {name!r}（请使用 Asia/Shanghai 或 +08:00 这样的名称）</translation>
    </message>
    <message>
        <source>{file}: could not be read ({kind}: {error})</source>
        <translation>{file}：无法读取（{kind}：{error}）</translation>
    </message>
    <message>
        <source>has a header but no rows (columns: {columns})</source>
        <translation>只有标题行，没有数据行（列：{columns}）</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>Web page</source>
        <translation>网页</translation>
    </message>
    <message>
        <source>is a web page (HTML), not a table; save the table itself as CSV and open that</source>
        <translation>是网页（HTML），不是表格；请把表格本身另存为 CSV 再打开</translation>
    </message>
    <message>
        <source>XML</source>
        <translation>XML</translation>
    </message>
    <message>
        <source>is XML but not a Timeline (.timeline) file; open CSV, JSON or .timeline files</source>
        <translation>是 XML，但不是 Timeline（.timeline）文件；请打开 CSV、JSON 或 .timeline 文件</translation>
    </message>
    <message>
        <source>a quote in the header is never closed, so the rest of the file was read as one header cell, which begins {start!r}</source>
        <translation>表头中的引号没有闭合，因此文件其余部分都被读成了一个表头单元格，其开头为 {start!r}</translation>
    </message>
    <message>
        <source>{problem}; found columns {columns}; name the date column with --column start=NAME</source>
        <translation>{problem}；找到的列：{columns}；请指定日期列（命令行：--column start=列名）</translation>
    </message>
    <message>
        <source>the column chosen before for {role}, `{name}`, is no longer in the file: the loader chose again</source>
        <translation>之前为 {role} 选择的列 `{name}` 已不在文件中：已重新自动选择</translation>
    </message>
    <message>
        <source>{names} and {count} more</source>
        <translation>{names} 等另外 {count} 列</translation>
    </message>
    <message>
        <source>has no usable dates in column {column}; found columns {columns}; name the date column with --column start=NAME</source>
        <translation>列 {column} 中没有可用的日期；找到的列：{columns}；请指定日期列（命令行：--column start=列名）</translation>
    </message>
    <message>
        <source>has no usable dates in column {column} (row {row}: {value!r}, {reason}); found columns {columns}; name the date column with --column start=NAME</source>
        <translation>列 {column} 中没有可用的日期（第 {row} 行：{value!r}，{reason}）；找到的列：{columns}；请指定日期列（命令行：--column start=列名）</translation>
    </message>
    <message>
        <source>unknown encoding {name!r}</source>
        <translation>未知的编码 {name!r}</translation>
    </message>
    <message>
        <source>is a binary file, not a text table (it contains NUL bytes)</source>
        <translation>是二进制文件，不是文本表格（含有 NUL 字节）</translation>
    </message>
    <message>
        <source>is not text in any encoding we recognise; if it is, name it with --encoding</source>
        <translation>不是任何可识别编码的文本；如果是文本，请用 --encoding 指定编码</translation>
    </message>
    <message>
        <source>names an unknown encoding {encoding!r}</source>
        <translation>指定了未知的编码 {encoding!r}</translation>
    </message>
    <message>
        <source>contains a {found} declaration, which .timeline files never have and which can be used to attack XML readers, so it was not read.</source>
        <translation>含有 {found} 声明；.timeline 文件从不含此类声明，而它可被用来攻击 XML 读取程序，因此未读取。</translation>
    </message>
    <message>
        <source>is a Timeline file in the early plain-text format (EVENT: lines), not the XML format later versions write; open and save it in Timeline to convert it.</source>
        <translation>是早期纯文本格式（EVENT: 行）的 Timeline 文件，不是后来版本使用的 XML 格式；请在 Timeline 中打开并保存以转换。</translation>
    </message>
    <message>
        <source>is not well-formed XML ({err}); a .timeline file is XML.</source>
        <translation>不是格式正确的 XML（{err}）；.timeline 文件是 XML。</translation>
    </message>
    <message>
        <source>could not be read as XML ({err}).</source>
        <translation>无法作为 XML 读取（{err}）。</translation>
    </message>
    <message>
        <source>is XML whose top element is &lt;{name}&gt;, not &lt;timeline&gt;, so it is not a .timeline file.</source>
        <translation>是顶层元素为 &lt;{name}&gt; 而非 &lt;timeline&gt; 的 XML，因此不是 .timeline 文件。</translation>
    </message>
    <message>
        <source>uses Timeline&apos;s &apos;{time_type}&apos; time type rather than Gregorian dates, which cannot be shown on a calendar timeline.</source>
        <translation>使用 Timeline 的“{time_type}”时间类型而非公历日期，无法显示在日历时间线上。</translation>
    </message>
    <message>
        <source>is a &lt;timeline&gt; document without an &lt;events&gt; element.</source>
        <translation>是没有 &lt;events&gt; 元素的 &lt;timeline&gt; 文档。</translation>
    </message>
    <message>
        <source>Timeline files (thetimelineproj)</source>
        <translation>Timeline 文件（thetimelineproj）</translation>
    </message>
    <message>
        <source>is not UTF-8 text (undecodable byte at offset {offset}); TimelineJS JSON must be UTF-8.</source>
        <translation>不是 UTF-8 文本（偏移 {offset} 处有无法解码的字节）；TimelineJS JSON 必须是 UTF-8。</translation>
    </message>
    <message>
        <source>is not valid JSON ({error} at line {line}, column {column}); a TimelineJS file is a JSON object with an events list.</source>
        <translation>不是有效的 JSON（第 {line} 行第 {column} 列：{error}）；TimelineJS 文件是带有 events 列表的 JSON 对象。</translation>
    </message>
    <message>
        <source>could not be read as JSON ({err}).</source>
        <translation>无法作为 JSON 读取（{err}）。</translation>
    </message>
    <message>
        <source>{found}, not a TimelineJS story with dated events.</source>
        <translation>{found}，不是带日期事件的 TimelineJS 故事。</translation>
    </message>
    <message>
        <source>holds a JSON object without an events list (keys: {keys})</source>
        <translation>是没有 events 列表的 JSON 对象（键：{keys}）</translation>
    </message>
    <message>
        <source>has an empty or non-list events entry</source>
        <translation>events 项为空或不是列表</translation>
    </message>
    <message>
        <source>has an events list whose items are not objects with a start_date</source>
        <translation>events 列表中的项不是带 start_date 的对象</translation>
    </message>
    <message>
        <source>holds a JSON array at the top level</source>
        <translation>顶层是 JSON 数组</translation>
    </message>
    <message>
        <source>holds a JSON string at the top level</source>
        <translation>顶层是 JSON 字符串</translation>
    </message>
    <message>
        <source>holds a JSON literal (true, false or null) at the top level</source>
        <translation>顶层是 JSON 字面量（true、false 或 null）</translation>
    </message>
    <message>
        <source>holds a JSON number at the top level</source>
        <translation>顶层是 JSON 数字</translation>
    </message>
    <message>
        <source>not a Chinese date form we know</source>
        <translation>不是可识别的中文日期格式</translation>
    </message>
    <message>
        <source>a decade should end in 0</source>
        <translation>年代应以 0 结尾</translation>
    </message>
    <message>
        <source>a day without a month</source>
        <translation>有日无月</translation>
    </message>
    <message>
        <source>a time of day without a day</source>
        <translation>有时刻而无日期</translation>
    </message>
    <message>
        <source>a month without a year</source>
        <translation>有月无年</translation>
    </message>
    <message>
        <source>both a day and a part of the month</source>
        <translation>同时有具体日期和上中下旬</translation>
    </message>
    <message>
        <source>an era without a year</source>
        <translation>有纪年而无年份</translation>
    </message>
    <message>
        <source>there is no year 0 BC</source>
        <translation>没有公元前0年</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a time of day we know</source>
        <translation>“{text}”不是可识别的时刻</translation>
    </message>
    <message>
        <source>a season or quarter needs a year and no month</source>
        <translation>季节或季度需要年份，且不能有月份</translation>
    </message>
    <message>
        <source>time-zone offset {zone} is out of range</source>
        <translation>时区偏移 {zone} 超出范围</translation>
    </message>
    <message>
        <source>unknown time zone {zone}</source>
        <translation>未知的时区 {zone}</translation>
    </message>
    <message>
        <source>hour {h} does not go with {ampm}</source>
        <translation>{h} 点不能与 {ampm} 连用</translation>
    </message>
    <message>
        <source>time of day out of range</source>
        <translation>时刻超出范围</translation>
    </message>
    <message>
        <source>the year should have two or four digits</source>
        <translation>年份应为两位或四位数字</translation>
    </message>
    <message>
        <source>year is too far from the present</source>
        <translation>年份离现在太远</translation>
    </message>
    <message>
        <source>a decimal number, not a date</source>
        <translation>是小数，不是日期</translation>
    </message>
    <message>
        <source>a number too large for a timestamp</source>
        <translation>数字太大，不能作为时间戳</translation>
    </message>
    <message>
        <source>a number with too many digits for a date</source>
        <translation>数字位数太多，不可能是日期</translation>
    </message>
    <message>
        <source>a date relative to a day this text does not name</source>
        <translation>相对日期，文本本身没有写明从哪一天算起</translation>
    </message>
    <message>
        <source>an era year must be positive</source>
        <translation>纪年的年份必须为正数</translation>
    </message>
    <message>
        <source>the year is missing</source>
        <translation>缺少年份</translation>
    </message>
    <message>
        <source>two months in one date</source>
        <translation>一个日期中有两个月份</translation>
    </message>
    <message>
        <source>&apos;{token}&apos; is not part of a date we know</source>
        <translation>“{token}”不是可识别的日期成分</translation>
    </message>
    <message>
        <source>two years in one date</source>
        <translation>一个日期中有两个年份</translation>
    </message>
    <message>
        <source>more numbers than a date has</source>
        <translation>数字比日期所需的多</translation>
    </message>
    <message>
        <source>no month or year found</source>
        <translation>未找到月份或年份</translation>
    </message>
    <message>
        <source>a season or part of a year needs a year and no month</source>
        <translation>季节或年内时段需要年份，且不能有月份</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空白</translation>
    </message>
    <message>
        <source>JSON and JSON Lines (TimelineJS, Timesketch)</source>
        <translation>JSON 与 JSON Lines（TimelineJS、Timesketch）</translation>
    </message>
    <message>
        <source>not a date we can place</source>
        <translation>不是可以定位的日期</translation>
    </message>
    <message>
        <source>not enough memory to read {file} ({size}): reading a file needs a few times its size in memory; close other programs, or split the file into smaller ones</source>
        <translation>内存不足，无法读取 {file}（{size}）：读取文件需要数倍于其大小的内存；请关闭其他程序，或把文件拆成较小的几个</translation>
    </message>
    <message>
        <source>years only</source>
        <translation>只有年份</translation>
    </message>
    <message>
        <source>months only</source>
        <translation>只到月份</translation>
    </message>
    <message>
        <source>all on one day</source>
        <translation>全在同一天</translation>
    </message>
    <message>
        <source>dates and times</source>
        <translation>日期和时间</translation>
    </message>
    <message>
        <source>full dates</source>
        <translation>完整日期</translation>
    </message>
    <message>
        <source>spread over {count} years</source>
        <translation>跨越 {count} 年</translation>
    </message>
    <message>
        <source>spread over {count} months</source>
        <translation>跨越 {count} 个月</translation>
    </message>
    <message>
        <source>spread over {count} days</source>
        <translation>跨越 {count} 天</translation>
    </message>
    <message>
        <source>a record&apos;s date by its name</source>
        <translation>列名表明是记录日期</translation>
    </message>
    <message>
        <source>an event&apos;s date by its name</source>
        <translation>列名表明是事件日期</translation>
    </message>
    <message>
        <source>a date by its name</source>
        <translation>列名表明是日期</translation>
    </message>
    <message>
        <source>is not a table of columns</source>
        <translation>不是按列排列的表格</translation>
    </message>
    <message>
        <source>{abbreviation} read as {zone} (UTC{offset}): {why}</source>
        <translation>{abbreviation} 按{zone}（UTC{offset}）读取：{why}</translation>
    </message>
    <message>
        <source>the file&apos;s text is Chinese</source>
        <translation>文件的文字是中文</translation>
    </message>
    <message>
        <source>other rows&apos; zones are in the same region</source>
        <translation>其他行的时区在同一地区</translation>
    </message>
    <message>
        <source>the usual reading; nothing in the file points to another</source>
        <translation>通常的读法；文件中没有指向其他时区的线索</translation>
    </message>
    <message>
        <source>starts like a Zeek log but has no #fields line naming its columns</source>
        <translation>开头像 Zeek 日志，但没有列出各列名称的 #fields 行</translation>
    </message>
    <message>
        <source>Zeek logs (TSV with #fields lines)</source>
        <translation>Zeek 日志（带 #fields 行的 TSV）</translation>
    </message>
    <message>
        <source>US Central Standard Time</source>
        <translation>美国中部标准时间</translation>
    </message>
    <message>
        <source>China Standard Time</source>
        <translation>中国标准时间</translation>
    </message>
    <message>
        <source>India Standard Time</source>
        <translation>印度标准时间</translation>
    </message>
    <message>
        <source>Irish Standard Time</source>
        <translation>爱尔兰标准时间</translation>
    </message>
    <message>
        <source>British Summer Time</source>
        <translation>英国夏令时间</translation>
    </message>
    <message>
        <source>Bangladesh Standard Time</source>
        <translation>孟加拉国标准时间</translation>
    </message>
    <message>
        <source>a date relative to when the page was read, and the file gives no date to count it from (a crawl or fetch date column, or a date in the file name)</source>
        <translation>相对于网页读取时间的日期，而文件没有给出起算日期（抓取日期列，或文件名中的日期）</translation>
    </message>
    <message>
        <source>relative dates counted from {day}, the date in the file name</source>
        <translation>相对日期从文件名中的日期 {day} 算起</translation>
    </message>
    <message>
        <source>relative dates counted from each row&apos;s {column}</source>
        <translation>相对日期从每行的 {column} 算起</translation>
    </message>
    <message>
        <source>the file name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>the file&apos;s title</source>
        <translation>文件标题</translation>
    </message>
    <message>
        <source>the year you gave</source>
        <translation>即您指定的年份</translation>
    </message>
    <message>
        <source>no year, and nothing in the file tells it (give one in the column dialog&apos;s Year field, or with --year)</source>
        <translation>没有年份，文件中也没有可推断年份的信息（请在列对话框的“年份”栏中填写，或用 --year 指定）</translation>
    </message>
    <message>
        <source>dates have no year: read as {years} from {source}</source>
        <translation>日期没有年份：根据{source}读作 {years} 年</translation>
    </message>
    <message>
        <source>dates have no year: read as {years}, {source}</source>
        <translation>日期没有年份：读作 {years} 年，{source}</translation>
    </message>
    <message>
        <source>&quot;)&quot; without &quot;(&quot; before it</source>
        <translation>“)”前面没有“(”</translation>
    </message>
    <message>
        <source>Unclosed quote: add a closing &quot; (the quote at character {at})</source>
        <translation>引号未闭合：请补上结尾的 &quot;（第 {at} 个字符处的引号）</translation>
    </message>
    <message>
        <source>Nothing between the quotes</source>
        <translation>引号之间没有内容</translation>
    </message>
    <message>
        <source>Unknown field &quot;{name}:&quot; (fields are {fields}); to search for the text, put it in quotes: &quot;{word}&quot;</source>
        <translation>未知字段“{name}:”（可用字段：{fields}）；如要搜索这段文字，请加引号：&quot;{word}&quot;</translation>
    </message>
    <message>
        <source>Nothing after &quot;{name}:&quot;: write {name}:word or {name}:&quot;some words&quot;</source>
        <translation>“{name}:”后面没有内容：请写 {name}:词 或 {name}:&quot;几个词&quot;</translation>
    </message>
    <message>
        <source>Unknown &quot;is:{value}&quot;: write is:starred</source>
        <translation>未知的“is:{value}”：请写 is:starred</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a date: write date:2026, date:2026-04, date:2026-04-27 or date:2026-04-27..2026-05-03</source>
        <translation>“{value}”不是日期：请写 date:2026、date:2026-04、date:2026-04-27 或 date:2026-04-27..2026-05-03</translation>
    </message>
    <message>
        <source>Nothing between &quot;(&quot; and &quot;)&quot;</source>
        <translation>“(”和“)”之间没有内容</translation>
    </message>
    <message>
        <source>Nothing after &quot;{keyword}&quot;: write {form} to leave out events with that word</source>
        <translation>“{keyword}”后面没有内容：写 {form} 可排除含该词的事件</translation>
    </message>
    <message>
        <source>{keyword} needs a search term on each side</source>
        <translation>{keyword} 两边都需要搜索词</translation>
    </message>
    <message>
        <source>Unclosed &quot;(&quot;: add a &quot;)&quot;</source>
        <translation>“(”未闭合：请补上“)”</translation>
    </message>
</context>
<context>
    <name>LoadPreviewTable</name>
    <message>
        <source>As the first rows would load:</source>
        <translation>前几行将这样载入：</translation>
    </message>
    <message>
        <source>The first rows as they would load</source>
        <translation>前几行载入后的样子</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>分类</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Timeline Viewer</source>
        <translation>时间线查看器</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Lanes</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>正在载入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel loading</source>
        <translation>取消载入</translation>
    </message>
    <message>
        <source>%1[*] — %2</source>
        <translation>%1[*] — %2</translation>
    </message>
    <message>
        <source>%1 +%2</source>
        <translation>%1 等另 %2 个</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Loading 1 file…</source>
        <translation>正在载入 1 个文件…</translation>
    </message>
    <message>
        <source>Loading %1 files…</source>
        <translation>正在载入 %1 个文件…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <source>Choose the columns of %1</source>
        <translation>选择 %1 的列</translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation>文件的前几行</translation>
    </message>
    <message>
        <source>Date (start)</source>
        <translation>日期（开始）</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Excerpt</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>as found: %1</source>
        <translation>按识别结果：%1</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Day first (27/04/2026)</source>
        <translation>日在前（27/04/2026）</translation>
    </message>
    <message>
        <source>Month first (04/27/2026)</source>
        <translation>月在前（04/27/2026）</translation>
    </message>
    <message>
        <source>Order of day and month</source>
        <translation>日与月的顺序</translation>
    </message>
    <message>
        <source>From the file</source>
        <translation>由文件推断</translation>
    </message>
    <message>
        <source>Year of dates written without one</source>
        <translation>未写年份的日期所属的年份</translation>
    </message>
    <message>
        <source>For dates such as 9-Nov or 4月27日 when nothing in the file tells the year</source>
        <translation>用于 9-Nov 或 4月27日 这类日期，当文件中没有任何信息说明年份时</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Edit Note</source>
        <translation>编辑备注</translation>
    </message>
    <message>
        <source>Note for 1 event:</source>
        <translation>1 个事件的备注：</translation>
    </message>
    <message>
        <source>Note for %1 events:</source>
        <translation>%1 个事件的备注：</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>OpenDialog</name>
    <message>
        <source>Timelines (%1)</source>
        <translation>时间线文件 (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Open timelines</source>
        <translation>打开时间线</translation>
    </message>
</context>
<context>
    <name>OverviewPlot</name>
    <message>
        <source>Overview of the whole timeline</source>
        <translation>整条时间线的概览</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>File / row</source>
        <translation>文件 / 行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Forget Lost Annotations</source>
        <translation>忘掉失去事件的标注</translation>
    </message>
    <message>
        <source>Drop the stars, tags and notes whose events are no longer in their files</source>
        <translation>删除其事件已不在文件中的星标、标签和备注</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>1 annotation lost its event in %2</source>
        <translation>%2 中有 1 条标注失去了它的事件</translation>
    </message>
    <message>
        <source>%1 annotations lost their events in %2</source>
        <translation>%2 中有 %1 条标注失去了它们的事件</translation>
    </message>
    <message>
        <source>1 annotation is for %2, which is not loaded</source>
        <translation>1 条标注属于 %2，该文件未加载</translation>
    </message>
    <message>
        <source>%1 annotations are for %2, which is not loaded</source>
        <translation>%1 条标注属于 %2，该文件未加载</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; (row %3) %4</source>
        <translation>%1：“%2”（第 %3 行）%4</translation>
    </message>
    <message>
        <source>starred</source>
        <translation>已加星标</translation>
    </message>
    <message>
        <source>tagged %1</source>
        <translation>标签 %1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <source>%1 rows skipped in %2</source>
        <translation>%2 中跳过了 %1 行</translation>
    </message>
    <message>
        <source>1 row skipped in %2</source>
        <translation>%2 中跳过了 1 行</translation>
    </message>
    <message>
        <source>%1 warnings in %2</source>
        <translation>%2 中有 %1 条警告</translation>
    </message>
    <message>
        <source>1 warning in %2</source>
        <translation>%2 中有 1 条警告</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>… and %1 more (timeline-viewer inspect lists them all)</source>
        <translation>……另有 %1 条（timeline-viewer inspect 可列出全部）</translation>
    </message>
    <message>
        <source>No problems with the loaded files.</source>
        <translation>已载入的文件没有问题。</translation>
    </message>
</context>
<context>
    <name>ProjectActions</name>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Save Project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>Timeline projects (*%1)</source>
        <translation>时间线项目 (*%1)</translation>
    </message>
    <message>
        <source>The project could not be saved to %1: %2</source>
        <translation>无法将项目保存到 %1：%2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Save the changes to the project “%1” before closing it?</source>
        <translation>关闭前是否保存对项目“%1”的更改？</translation>
    </message>
    <message>
        <source>Save your stars, tags and notes as a project before closing?</source>
        <translation>关闭前是否将星标、标签和备注保存为项目？</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>%1 was not found at %2; the project&apos;s other files are open.</source>
        <translation>在 %2 找不到 %1；项目的其他文件已打开。</translation>
    </message>
    <message>
        <source>%1 changed since the project was saved; its stars, tags and notes are matched to its events by their content.</source>
        <translation>%1 在项目保存后已更改；其星标、标签和备注按事件内容重新对应。</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>Search titles and excerpts (Ctrl+F)</source>
        <translation>搜索标题和摘要（Ctrl+F）</translation>
    </message>
    <message>
        <source>Words, &quot;a phrase&quot;, OR, -word, title:, lane:, date:2026-04 … (Help → Search Syntax)</source>
        <translation>词、&quot;短语&quot;、OR、-词、title:、lane:、date:2026-04 …（帮助 → 搜索语法）</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Search problem</source>
        <translation>搜索问题</translation>
    </message>
    <message>
        <source>Showing the matches of the last complete search.</source>
        <translation>显示的是上一个完整搜索的结果。</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>没有匹配</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 个匹配</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 个匹配</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
</context>
<context>
    <name>SearchSyntaxDialog</name>
    <message>
        <source>Search Syntax</source>
        <translation>搜索语法</translation>
    </message>
    <message>
        <source>Search syntax</source>
        <translation>搜索语法</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Finds</source>
        <translation>找到</translation>
    </message>
    <message>
        <source>Words are found anywhere in titles and excerpts, in any case, Chinese too. Dates are UTC; an event counts when any part of it falls in the dates named. A query with a mistake keeps the last matches and says what is wrong under the box.</source>
        <translation>在标题和摘要的任何位置查找词语，不区分大小写，中文亦可。日期按 UTC 计；事件只要有一部分落在所写日期内即算匹配。查询写错时保留上次的结果，并在搜索框下方说明问题。</translation>
    </message>
    <message>
        <source>events with both words</source>
        <translation>同时含有两个词的事件</translation>
    </message>
    <message>
        <source>the words together, as written</source>
        <translation>按原样连在一起的词</translation>
    </message>
    <message>
        <source>either word (OR in capitals)</source>
        <translation>含有任一个词（OR 须大写）</translation>
    </message>
    <message>
        <source>court, and appeal or verdict: OR binds closer than the space</source>
        <translation>court，并且 appeal 或 verdict：OR 比空格结合得更紧</translation>
    </message>
    <message>
        <source>parentheses group terms</source>
        <translation>括号把搜索词分组</translation>
    </message>
    <message>
        <source>leave out events with it</source>
        <translation>排除含有它的事件</translation>
    </message>
    <message>
        <source>the word in the title only, the excerpt only</source>
        <translation>只在标题中、只在摘要中查找该词</translation>
    </message>
    <message>
        <source>events in lanes whose name holds it</source>
        <translation>分类名称含有它的事件</translation>
    </message>
    <message>
        <source>events from files whose name holds it</source>
        <translation>来自文件名含有它的文件的事件</translation>
    </message>
    <message>
        <source>any field term can be left out, too</source>
        <translation>任何字段条件也都可以排除</translation>
    </message>
    <message>
        <source>events with that tag, or a tag starting so</source>
        <translation>带有该标签，或标签以此开头的事件</translation>
    </message>
    <message>
        <source>events whose note holds the word</source>
        <translation>备注含有该词的事件</translation>
    </message>
    <message>
        <source>starred events</source>
        <translation>加星标的事件</translation>
    </message>
    <message>
        <source>events in that year, month or day</source>
        <translation>该年、该月或该日的事件</translation>
    </message>
    <message>
        <source>events from the first day to the last</source>
        <translation>从第一天到最后一天的事件</translation>
    </message>
    <message>
        <source>events from, or until, a date</source>
        <translation>某日期之后或之前的事件</translation>
    </message>
    <message>
        <source>Chinese words, found anywhere in the text</source>
        <translation>中文词语，在文字的任何位置查找</translation>
    </message>
    <message>
        <source>text with a colon: a link or a time is text; quote what looks like a field</source>
        <translation>带冒号的文字：链接或时间按文字搜索；看起来像字段的请加引号</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>SourcesPanel</name>
    <message>
        <source>Loaded files</source>
        <translation>已载入的文件</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Columns…</source>
        <translation>列…</translation>
    </message>
    <message>
        <source>Choose which column plays each role</source>
        <translation>选择每一列的用途</translation>
    </message>
    <message>
        <source>%1 — %2 events</source>
        <translation>%1 — %2 个事件</translation>
    </message>
    <message>
        <source>%1 — 1 event</source>
        <translation>%1 — 1 个事件</translation>
    </message>
    <message>
        <source> · 1 problem</source>
        <translation> · 1 个问题</translation>
    </message>
    <message>
        <source> · %1 problems</source>
        <translation> · %1 个问题</translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <source>Add Tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Tag for 1 event:</source>
        <translation>1 个事件的标签：</translation>
    </message>
    <message>
        <source>Tag for %1 events:</source>
        <translation>%1 个事件的标签：</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Scroll lanes</source>
        <translation>滚动分类</translation>
    </message>
    <message>
        <source>Time span shown</source>
        <translation>显示的时间范围</translation>
    </message>
    <message>
        <source>Open a timeline file (%1) or drop files here</source>
        <translation>打开时间线文件（%1）或把文件拖放到这里</translation>
    </message>
    <message>
        <source>(no lane)</source>
        <translation>（无分类）</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)……</translation>
    </message>
    <message>
        <source>Open &amp;Project…</source>
        <translation>打开项目(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation>保存项目(&amp;S)</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>项目另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Reload All</source>
        <translation>全部重新载入(&amp;R)</translation>
    </message>
    <message>
        <source>Export &amp;Image…</source>
        <translation>导出图片(&amp;I)……</translation>
    </message>
    <message>
        <source>Export &amp;Events…</source>
        <translation>导出事件(&amp;E)……</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)……</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>查找上一个(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Star / Unstar</source>
        <translation>加星标/取消星标(&amp;S)</translation>
    </message>
    <message>
        <source>Add &amp;Tag…</source>
        <translation>添加标签(&amp;T)……</translation>
    </message>
    <message>
        <source>Edit &amp;Note…</source>
        <translation>编辑备注(&amp;N)……</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit All</source>
        <translation>显示全部(&amp;F)</translation>
    </message>
    <message>
        <source>Pre&amp;vious Event</source>
        <translation>上一个事件(&amp;V)</translation>
    </message>
    <message>
        <source>Ne&amp;xt Event</source>
        <translation>下一个事件(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Live Reload</source>
        <translation>实时重新载入(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Search Syntax</source>
        <translation>搜索语法(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;About Timeline Viewer</source>
        <translation>关于时间线查看器(&amp;A)</translation>
    </message>
    <message>
        <source>Zoom in / out</source>
        <translation>放大 / 缩小</translation>
    </message>
    <message>
        <source>Fit all events</source>
        <translation>显示全部事件</translation>
    </message>
    <message>
        <source>Previous / next event</source>
        <translation>上一个 / 下一个事件</translation>
    </message>
    <message>
        <source>First / last event</source>
        <translation>第一个 / 最后一个事件</translation>
    </message>
    <message>
        <source>Wheel</source>
        <translation>滚轮</translation>
    </message>
    <message>
        <source>Zoom around the pointer</source>
        <translation>以指针为中心缩放</translation>
    </message>
    <message>
        <source>Drag</source>
        <translation>拖动</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>平移</translation>
    </message>
    <message>
        <source>Right-drag or Shift+drag</source>
        <translation>右键拖动或 Shift+拖动</translation>
    </message>
    <message>
        <source>Zoom to the span</source>
        <translation>缩放到所选范围</translation>
    </message>
    <message>
        <source>Double-click</source>
        <translation>双击</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Scroll the lanes up / down</source>
        <translation>向上 / 向下滚动分类</translation>
    </message>
    <message>
        <source>Shift+wheel, or wheel over lane names</source>
        <translation>Shift+滚轮，或在分类名称上滚动滚轮</translation>
    </message>
    <message>
        <source>Scroll the lanes</source>
        <translation>滚动分类</translation>
    </message>
    <message>
        <source>Ctrl+Up / Ctrl+Down in Lanes, or drag</source>
        <translation>在分类面板中按 Ctrl+Up / Ctrl+Down，或拖动</translation>
    </message>
    <message>
        <source>Move a lane up / down</source>
        <translation>将分类上移 / 下移</translation>
    </message>
    <message>
        <source>Click a lane name</source>
        <translation>单击分类名称</translation>
    </message>
    <message>
        <source>Fold the lane to one row / unfold it</source>
        <translation>将分类折叠为一行 / 展开</translation>
    </message>
    <message>
        <source>Next / previous search match (in the search field)</source>
        <translation>下一个 / 上一个搜索匹配（在搜索框中）</translation>
    </message>
</context>
</TS>
