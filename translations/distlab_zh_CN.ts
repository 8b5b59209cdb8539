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
        <source>Train the current lesson&apos;s model (F5)</source>
        <translation>训练当前课程的模型 (F5)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the training run (Esc)</source>
        <translation>停止本次训练 (Esc)</translation>
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
        <source>Loading data and starting the engine...</source>
        <translation>正在加载数据并启动引擎...</translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n epoch(s)</source>
        <translation>
            <numerusform>已在第 %n 轮后停止</numerusform>
        </translation>
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
</context>
<context>
    <name>distlab::app::TrainProcess</name>
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
