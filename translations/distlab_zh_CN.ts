<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Lessons</name>
    <message>
        <source>Fashion-MNIST MLP</source>
        <translation>Fashion-MNIST 多层感知机</translation>
    </message>
    <message>
        <source>A 784-256-128-10 ReLU network learns to tell ten kinds of clothing apart.</source>
        <translation>一个 784-256-128-10 的 ReLU 网络学习区分十类服饰。</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2 (at byte %3)</source>
        <translation>%1 不是有效的 JSON：%2（在第 %3 字节处）</translation>
    </message>
    <message>
        <source>%1 is not an experiment spec: it is not a JSON object</source>
        <translation>%1 不是实验配置：它不是 JSON 对象</translation>
    </message>
    <message>
        <source>Lesson 2: data partitioning</source>
        <translation>第 2 课：数据划分</translation>
    </message>
    <message>
        <source>Four workers draw their data by random sampling with replacement: about 37% of the examples are never used. Switch cluster.partition to shuffle-split and every example is used exactly once per epoch.</source>
        <translation>四个工作节点用有放回随机采样取得各自的数据：约 37% 的样本从未被用到。把 cluster.partition 改为 shuffle-split（置乱切分），每个样本在每轮中恰好被使用一次。</translation>
    </message>
    <message>
        <source>Lesson 4: synchronization with a straggler</source>
        <translation>第 4 课：有掉队者时的同步</translation>
    </message>
    <message>
        <source>Worker 0 is three times slower. Under BSP the others wait for it at every barrier; switch cluster.sync to asp or ssp (staleness 3) and compare the time to the same accuracy.</source>
        <translation>工作节点 0 慢三倍。在 BSP（同步）下，其他节点在每个屏障处都要等它；把 cluster.sync 改为 asp（异步）或 ssp（延迟上限 3），比较达到相同准确率所需的时间。</translation>
    </message>
</context>
<context>
    <name>distlab::app::MainWindow</name>
    <message>
        <source>About DistLab</source>
        <translation>关于 DistLab</translation>
    </message>
    <message>
        <source>DistLab: a lab for learning distributed training of neural networks.</source>
        <translation>DistLab：学习神经网络分布式训练的实验室。</translation>
    </message>
    <message>
        <source>DistLab - Distributed Learning Lab</source>
        <translation>DistLab - 分布式学习实验室</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>&amp;Open experiment...</source>
        <translation>打开实验(&amp;O)...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>&amp;About DistLab</source>
        <translation>关于 DistLab(&amp;A)</translation>
    </message>
    <message>
        <source>Cannot open the experiment</source>
        <translation>无法打开实验</translation>
    </message>
    <message>
        <source>Open experiment</source>
        <translation>打开实验</translation>
    </message>
    <message>
        <source>Experiment specs (*.json)</source>
        <translation>实验配置 (*.json)</translation>
    </message>
    <message>
        <source>Epoch %1 of %2: test accuracy %3%, %4 samples/s</source>
        <translation>第 %1 / %2 轮：测试准确率 %3%，每秒 %4 个样本</translation>
    </message>
    <message>
        <source>The run failed: %1</source>
        <translation>运行失败：%1</translation>
    </message>
    <message>
        <source>The run failed</source>
        <translation>运行失败</translation>
    </message>
    <message>
        <source>Ready: press Run (F5) to train</source>
        <translation>就绪：按“运行”(F5) 开始训练</translation>
    </message>
    <message>
        <source>Finished: test accuracy %1%, %2 samples/s</source>
        <translation>已完成：测试准确率 %1%，每秒 %2 个样本</translation>
    </message>
    <message>
        <source>Train the current lesson&apos;s model on a real cluster (F5)</source>
        <translation>在真实集群上训练当前课程的模型 (F5)</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Hold every worker before its next step, or let them go on (F6)</source>
        <translation>让每个工作节点在下一步之前停住，或让它们继续 (F6)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>While paused: every worker takes one more step, one round of a synchronous run (F10)</source>
        <translation>暂停时：每个工作节点再走一步，即同步训练的一轮 (F10)</translation>
    </message>
    <message>
        <source>Stop the run and every worker process (Esc)</source>
        <translation>停止运行及所有工作进程 (Esc)</translation>
    </message>
    <message>
        <source>Loading data and starting the cluster...</source>
        <translation>正在加载数据并启动集群……</translation>
    </message>
    <message>
        <source>Stopped at epoch %1</source>
        <translation>已在第 %1 轮停止</translation>
    </message>
    <message>
        <source>Worker %1 died: %2</source>
        <translation>工作节点 %1 已失效：%2</translation>
    </message>
    <message>
        <source>epoch %1 / %2</source>
        <translation>第 %1 / %2 轮</translation>
    </message>
    <message>
        <source>workers alive: %1 / %2</source>
        <translation>存活工作节点：%1 / %2</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>L&amp;essons</source>
        <translation>课程(&amp;E)</translation>
    </message>
</context>
<context>
    <name>distlab::app::MonitorClient</name>
    <message>
        <source>The engine sent a bad frame: %1</source>
        <translation>引擎发送了错误的数据帧：%1</translation>
    </message>
</context>
<context>
    <name>distlab::app::RunController</name>
    <message>
        <source>The training engine could not be started: %1</source>
        <translation>无法启动训练引擎：%1</translation>
    </message>
    <message>
        <source>The training engine (distlab-engine) was found neither next to DistLab nor on the PATH.</source>
        <translation>在 DistLab 所在目录和 PATH 中都找不到训练引擎 (distlab-engine)。</translation>
    </message>
    <message>
        <source>No temporary folder could be created for the run.</source>
        <translation>无法为本次运行创建临时文件夹。</translation>
    </message>
    <message>
        <source>The experiment could not be written to %1.</source>
        <translation>无法将实验写入 %1。</translation>
    </message>
    <message>
        <source>The training engine stopped unexpectedly (exit code %1).</source>
        <translation>训练引擎意外退出（退出码 %1）。</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::TrainingChart</name>
    <message>
        <source>Training progress</source>
        <translation>训练进度</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>Test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮次 (epoch)</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
</context>
</TS>
