<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdversarialLessonView</name>
    <message>
        <source>Adversarial</source>
        <translation>对抗样本</translation>
    </message>
    <message>
        <source>Lesson 8b: accuracy under attack for each way of training, and the attacked images</source>
        <translation>第 8b 课：各种训练方式在攻击下的准确率，以及受攻击的图像</translation>
    </message>
    <message>
        <source>Lesson 8b finished</source>
        <translation>第 8b 课完成</translation>
    </message>
    <message>
        <source>Lesson 8b: %1, %2% clean and %3% under attack</source>
        <translation>第 8b 课：%1，干净数据上 %2%，受攻击时 %3%</translation>
    </message>
</context>
<context>
    <name>AggregationLessonView</name>
    <message>
        <source>Aggregation</source>
        <translation>聚合</translation>
    </message>
    <message>
        <source>Lesson 5: S-DNN, MA-DNN, E-DNN and EC-DNN compared</source>
        <translation>第 5 课：比较 S-DNN、MA-DNN、E-DNN 与 EC-DNN</translation>
    </message>
    <message>
        <source>Lesson 5 done: the four methods are compared in the Aggregation tab</source>
        <translation>第 5 课完成：四种方法的比较见“聚合”标签页</translation>
    </message>
    <message>
        <source>%1: test accuracy %2%, model of %3 parameters, %4 sent, %5 s</source>
        <translation>%1：测试准确率 %2%，模型 %3 个参数，发送 %4，耗时 %5 秒</translation>
    </message>
</context>
<context>
    <name>AveragingLessonView</name>
    <message>
        <source>Averaging</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Lesson 1: gradient averaging vs model averaging on the lecture&apos;s linear regression</source>
        <translation>第 1 课：在课程的线性回归上比较梯度平均与模型平均</translation>
    </message>
    <message>
        <source>Lesson 1 computed. %1</source>
        <translation>第 1 课已计算完成。%1</translation>
    </message>
</context>
<context>
    <name>CaptureStore</name>
    <message>
        <source>No captured push in %1</source>
        <translation>%1 中没有截获的推送</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <source>Cannot copy %1 to %2</source>
        <translation>无法把 %1 复制到 %2</translation>
    </message>
    <message>
        <source>%1 is not a spec</source>
        <translation>%1 不是实验配置</translation>
    </message>
</context>
<context>
    <name>ChoiceNames</name>
    <message>
        <source>each worker from its own start</source>
        <translation>各工作节点从各自的起点出发</translation>
    </message>
    <message>
        <source>every worker from the same start</source>
        <translation>所有工作节点从同一起点出发</translation>
    </message>
    <message>
        <source>training on a cluster</source>
        <translation>集群训练</translation>
    </message>
    <message>
        <source>gradient vs model averaging</source>
        <translation>梯度平均与模型平均</translation>
    </message>
    <message>
        <source>aggregation rules</source>
        <translation>聚合规则</translation>
    </message>
    <message>
        <source>averaging and convexity</source>
        <translation>平均与凸性</translation>
    </message>
    <message>
        <source>gradient inversion</source>
        <translation>梯度反演</translation>
    </message>
    <message>
        <source>model partitioning</source>
        <translation>模型划分</translation>
    </message>
    <message>
        <source>federated learning</source>
        <translation>联邦学习</translation>
    </message>
    <message>
        <source>poisoning and robust rules</source>
        <translation>投毒与稳健规则</translation>
    </message>
    <message>
        <source>adversarial examples</source>
        <translation>对抗样本</translation>
    </message>
    <message>
        <source>property inference</source>
        <translation>属性推断</translation>
    </message>
    <message>
        <source>compressed updates</source>
        <translation>压缩更新</translation>
    </message>
    <message>
        <source>height and weight (regression)</source>
        <translation>身高体重（回归）</translation>
    </message>
    <message>
        <source>Gaussian blobs (2-D)</source>
        <translation>二维高斯点团</translation>
    </message>
    <message>
        <source>two spirals (2-D)</source>
        <translation>二维双螺旋</translation>
    </message>
    <message>
        <source>as stored</source>
        <translation>保持原样</translation>
    </message>
    <message>
        <source>standardize (mean 0, std 1)</source>
        <translation>标准化（均值 0，标准差 1）</translation>
    </message>
    <message>
        <source>linear (one layer)</source>
        <translation>线性模型（单层）</translation>
    </message>
    <message>
        <source>uniform (in the given range)</source>
        <translation>均匀分布（给定范围内）</translation>
    </message>
    <message>
        <source>cross-entropy (softmax)</source>
        <translation>交叉熵（softmax）</translation>
    </message>
    <message>
        <source>mean squared error (MSE)</source>
        <translation>均方误差（MSE）</translation>
    </message>
    <message>
        <source>BSP (synchronous)</source>
        <translation>BSP（同步）</translation>
    </message>
    <message>
        <source>ASP (asynchronous)</source>
        <translation>ASP（异步）</translation>
    </message>
    <message>
        <source>SSP (bounded staleness)</source>
        <translation>SSP（延时同步并行）</translation>
    </message>
    <message>
        <source>local SGD (models averaged)</source>
        <translation>本地 SGD（模型平均）</translation>
    </message>
    <message>
        <source>ring all-reduce (no server)</source>
        <translation>环形 All-Reduce（无服务器）</translation>
    </message>
    <message>
        <source>weighted mean (by examples)</source>
        <translation>加权平均（按样本数）</translation>
    </message>
    <message>
        <source>plain mean</source>
        <translation>简单平均</translation>
    </message>
    <message>
        <source>model averaging (MA-DNN)</source>
        <translation>模型平均（MA-DNN）</translation>
    </message>
    <message>
        <source>ensemble (E-DNN)</source>
        <translation>模型集成（E-DNN）</translation>
    </message>
    <message>
        <source>ensemble-compression (EC-DNN)</source>
        <translation>集成-压缩（EC-DNN）</translation>
    </message>
    <message>
        <source>shuffle and split</source>
        <translation>置乱切分</translation>
    </message>
    <message>
        <source>random sampling with replacement</source>
        <translation>有放回随机采样</translation>
    </message>
    <message>
        <source>Dirichlet by label (non-IID)</source>
        <translation>按标签狄利克雷划分（非独立同分布）</translation>
    </message>
    <message>
        <source>label-sorted shards (non-IID)</source>
        <translation>按标签分片（非独立同分布）</translation>
    </message>
    <message>
        <source>unequal sizes (quantity skew)</source>
        <translation>数量不均（数量偏斜）</translation>
    </message>
    <message>
        <source>32-bit floats</source>
        <translation>32 位浮点数</translation>
    </message>
    <message>
        <source>16-bit floats</source>
        <translation>16 位浮点数</translation>
    </message>
    <message>
        <source>8-bit integers</source>
        <translation>8 位整数</translation>
    </message>
    <message>
        <source>top-k (the largest values)</source>
        <translation>top-k（只发最大的值）</translation>
    </message>
    <message>
        <source>random-k</source>
        <translation>随机 k 个</translation>
    </message>
    <message>
        <source>sign (1 bit)</source>
        <translation>符号（1 位）</translation>
    </message>
    <message>
        <source>shared memory</source>
        <translation>共享内存</translation>
    </message>
    <message>
        <source>pipeline (by layers)</source>
        <translation>流水线（横向按层划分）</translation>
    </message>
    <message>
        <source>within layers</source>
        <translation>层内划分（纵向）</translation>
    </message>
    <message>
        <source>random skeleton</source>
        <translation>随机骨架划分</translation>
    </message>
    <message>
        <source>whole layers</source>
        <translation>按整层</translation>
    </message>
    <message>
        <source>even work (a layer split by neurons)</source>
        <translation>均衡工作量（按神经元切分层）</translation>
    </message>
    <message>
        <source>in each backward pass</source>
        <translation>随每次反向传播计算</translation>
    </message>
    <message>
        <source>grouped later (zero bubble)</source>
        <translation>稍后分组计算（零气泡）</translation>
    </message>
    <message>
        <source>FedAvg (the average as the step)</source>
        <translation>FedAvg（直接以平均值为更新）</translation>
    </message>
    <message>
        <source>wait for them</source>
        <translation>等待</translation>
    </message>
    <message>
        <source>drop their updates</source>
        <translation>丢弃其更新</translation>
    </message>
    <message>
        <source>use them in the next round</source>
        <translation>下一轮使用</translation>
    </message>
    <message>
        <source>sample again</source>
        <translation>重新抽样</translation>
    </message>
    <message>
        <source>skip the round</source>
        <translation>跳过本轮</translation>
    </message>
    <message>
        <source>cosine similarity</source>
        <translation>余弦相似度</translation>
    </message>
    <message>
        <source>in this process (fast)</source>
        <translation>本进程内（快）</translation>
    </message>
    <message>
        <source>on a real cluster</source>
        <translation>真实集群上</translation>
    </message>
    <message>
        <source>no differential privacy</source>
        <translation>不使用差分隐私</translation>
    </message>
    <message>
        <source>central DP (the server adds noise)</source>
        <translation>中心化差分隐私（服务器加噪声）</translation>
    </message>
    <message>
        <source>local DP (each worker or client adds noise)</source>
        <translation>本地差分隐私（各节点或客户端自己加噪声）</translation>
    </message>
    <message>
        <source>no comparison</source>
        <translation>不比较</translation>
    </message>
    <message>
        <source>every rule against this attack</source>
        <translation>各规则对抗本攻击</translation>
    </message>
    <message>
        <source>every rule against every attack</source>
        <translation>所有规则 × 所有攻击</translation>
    </message>
    <message>
        <source>FGSM (one step)</source>
        <translation>FGSM（单步）</translation>
    </message>
    <message>
        <source>PGD (projected steps)</source>
        <translation>PGD（多步投影）</translation>
    </message>
    <message>
        <source>L∞ (each pixel)</source>
        <translation>L∞（逐像素）</translation>
    </message>
    <message>
        <source>L2 (the whole change)</source>
        <translation>L2（整体改动）</translation>
    </message>
</context>
<context>
    <name>ClassNames</name>
    <message>
        <source>T-shirt/top</source>
        <translation>T恤/上衣</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>裤子</translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation>套头衫</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>连衣裙</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>外套</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>凉鞋</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>衬衫</translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation>运动鞋</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>包</translation>
    </message>
    <message>
        <source>Ankle boot</source>
        <translation>短靴</translation>
    </message>
    <message>
        <source>airplane</source>
        <translation>飞机</translation>
    </message>
    <message>
        <source>automobile</source>
        <translation>汽车</translation>
    </message>
    <message>
        <source>bird</source>
        <translation>鸟</translation>
    </message>
    <message>
        <source>cat</source>
        <translation>猫</translation>
    </message>
    <message>
        <source>deer</source>
        <translation>鹿</translation>
    </message>
    <message>
        <source>dog</source>
        <translation>狗</translation>
    </message>
    <message>
        <source>frog</source>
        <translation>青蛙</translation>
    </message>
    <message>
        <source>horse</source>
        <translation>马</translation>
    </message>
    <message>
        <source>ship</source>
        <translation>船</translation>
    </message>
    <message>
        <source>truck</source>
        <translation>卡车</translation>
    </message>
</context>
<context>
    <name>CompressionLessonView</name>
    <message>
        <source>Compression</source>
        <translation>压缩</translation>
    </message>
    <message>
        <source>Lesson 4b: test accuracy against the bytes pushed, for each update encoding</source>
        <translation>第 4b 课：每种更新编码下测试准确率与推送字节数的对比</translation>
    </message>
    <message>
        <source>Lesson 4b finished</source>
        <translation>第 4b 课完成</translation>
    </message>
    <message>
        <source>Lesson 4b: %1 runs compared, %2 on the front</source>
        <translation>第 4b 课：比较了 %1 次运行，其中 %2 次位于前沿上</translation>
    </message>
</context>
<context>
    <name>ConvexityLessonView</name>
    <message>
        <source>Convexity</source>
        <translation>凸性</translation>
    </message>
    <message>
        <source>Lesson 5: averaging parameters vs averaging outputs</source>
        <translation>第 5 课：平均参数与平均输出</translation>
    </message>
    <message>
        <source>Convexity study done: see the Convexity tab</source>
        <translation>凸性实验完成：见“凸性”标签页</translation>
    </message>
</context>
<context>
    <name>EventText</name>
    <message>
        <source>pid %1</source>
        <translation>进程 pid %1</translation>
    </message>
    <message>
        <source>started by hand</source>
        <translation>手动启动</translation>
    </message>
    <message>
        <source>its connection closed</source>
        <translation>连接已断开</translation>
    </message>
    <message>
        <source>killed from the window</source>
        <translation>在窗口中被结束</translation>
    </message>
    <message>
        <source>no sign of life for %1 ms</source>
        <translation>%1 ms 没有心跳</translation>
    </message>
    <message>
        <source>it sent bytes that are not a frame</source>
        <translation>发送了不是数据帧的字节</translation>
    </message>
    <message>
        <source>it sent a message it may not send</source>
        <translation>发送了不允许发送的消息</translation>
    </message>
    <message>
        <source>it sent telemetry that does not decode</source>
        <translation>发送的遥测数据无法解码</translation>
    </message>
    <message>
        <source>it pushed an update of the wrong size or kind</source>
        <translation>推送的更新大小或类型不对</translation>
    </message>
    <message>
        <source>network error %1</source>
        <translation>网络错误 %1</translation>
    </message>
    <message>
        <source>from the window</source>
        <translation>在窗口中操作</translation>
    </message>
    <message>
        <source>wrong token</source>
        <translation>令牌错误</translation>
    </message>
    <message>
        <source>it broke the handshake</source>
        <translation>违反了握手协议</translation>
    </message>
    <message>
        <source>no authentication within %1 ms</source>
        <translation>%1 ms 内未完成认证</translation>
    </message>
    <message>
        <source>rank %1 is not one of the run&apos;s %2 workers</source>
        <translation>编号 %1 不属于本次运行的 %2 个工作节点</translation>
    </message>
    <message>
        <source>worker %1 is already connected</source>
        <translation>工作节点 %1 已经连接</translation>
    </message>
    <message>
        <source>worker %1 has already finished</source>
        <translation>工作节点 %1 已经完成</translation>
    </message>
    <message>
        <source>at most %1 monitors may watch a run</source>
        <translation>一次运行最多允许 %1 个监视端观察</translation>
    </message>
    <message>
        <source>it closed or sent garbage before authenticating</source>
        <translation>在认证之前断开了连接或发送了无效数据</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>every worker died</source>
        <translation>所有工作节点都已死亡</translation>
    </message>
    <message>
        <source>stopped from the window</source>
        <translation>已从窗口中停止</translation>
    </message>
    <message>
        <source>interrupted by a signal (%1)</source>
        <translation>被信号中断（%1）</translation>
    </message>
    <message>
        <source>not every worker joined within %1 s</source>
        <translation>并非所有工作节点都在 %1 秒内加入</translation>
    </message>
    <message>
        <source>worker %1 exited with status %2 before joining</source>
        <translation>工作节点 %1 在加入之前退出，状态码 %2</translation>
    </message>
    <message>
        <source>worker %1 was killed by signal %2 before joining</source>
        <translation>工作节点 %1 在加入之前被信号 %2 终止</translation>
    </message>
    <message>
        <source>the engine failed: %1</source>
        <translation>引擎出错：%1</translation>
    </message>
    <message>
        <source>Data set %1: %2 training and %3 test examples</source>
        <translation>数据集 %1：%2 个训练样本，%3 个测试样本</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>已开始：%1</translation>
    </message>
    <message>
        <source>A connection from %1 was refused: %2</source>
        <translation>来自 %1 的连接被拒绝：%2</translation>
    </message>
    <message>
        <source>Paused: every worker waits before its next step</source>
        <translation>已暂停：每个工作节点在下一步之前等待</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>已继续</translation>
    </message>
    <message>
        <source>One more step for every worker</source>
        <translation>每个工作节点再走一步</translation>
    </message>
    <message>
        <source>Secure aggregation: %1 round(s) without every worker could not be unmasked</source>
        <translation>安全聚合：有 %1 轮缺少工作节点，无法去掉掩码</translation>
    </message>
    <message>
        <source>The server could not keep worker %1&apos;s push</source>
        <translation>服务器未能保存工作节点 %1 的推送</translation>
    </message>
    <message>
        <source>Worker %1 pushes models (local SGD), not gradients: nothing was captured</source>
        <translation>工作节点 %1 推送的是模型（local-sgd），而不是梯度：没有截获任何内容</translation>
    </message>
    <message>
        <source>Worker %1: %2 values clamped to the masks&apos; fixed-point range</source>
        <translation>工作节点 %1：有 %2 个值被截断到掩码的定点数范围内</translation>
    </message>
    <message>
        <source>The data split for epoch %1: %2% of the training examples go to no worker</source>
        <translation>第 %1 轮的数据划分：%2% 的训练样本不分给任何工作节点</translation>
    </message>
    <message>
        <source>Update %1 (epoch %2 of %3, %4 s): test loss %5, test accuracy %6%, %7 samples/s</source>
        <translation>第 %1 次更新（第 %2 / %3 轮，%4 秒）：测试损失 %5，测试准确率 %6%，每秒 %7 个样本</translation>
    </message>
    <message>
        <source>Iteration %1: gradient distance %2, mean PSNR %3 dB</source>
        <translation>第 %1 次迭代：梯度距离 %2，平均 PSNR %3 dB</translation>
    </message>
    <message>
        <source>The run ended: %1</source>
        <translation>运行结束：%1</translation>
    </message>
    <message>
        <source>pipeline stage %1 was killed by signal %2; the other stages were stopped</source>
        <translation>流水线阶段 %1 被信号 %2 终止；其余阶段已停止</translation>
    </message>
    <message>
        <source>pipeline stage %1 exited with status %2; the other stages were stopped</source>
        <translation>流水线阶段 %1 退出，状态码 %2；其余阶段已停止</translation>
    </message>
    <message>
        <source>pipeline stage %1 stopped answering; the other stages were stopped</source>
        <translation>流水线阶段 %1 不再响应；其余阶段已停止</translation>
    </message>
    <message>
        <source>The pipeline started: %1 stage processes, schedule %2, %3 parameters</source>
        <translation>流水线已启动：%1 个阶段进程，调度 %2，%3 个参数</translation>
    </message>
    <message>
        <source>Stage %1</source>
        <translation>阶段 %1</translation>
    </message>
    <message>
        <source>Shard %1</source>
        <translation>分片 %1</translation>
    </message>
    <message>
        <source>Worker %1</source>
        <translation>工作节点 %1</translation>
    </message>
    <message>
        <source>The split within layers started: %1 shard processes, %2 parameters</source>
        <translation>层内划分已启动：%1 个分片进程，%2 个参数</translation>
    </message>
    <message>
        <source>The skeleton partition started: %1 worker processes, %2 parameters</source>
        <translation>骨架划分已启动：%1 个工作进程，%2 个参数</translation>
    </message>
    <message>
        <source>Round %1: the server chose a new skeleton (%2 hidden neurons every worker trains) and a new sub-network for each worker</source>
        <translation>第 %1 轮：服务器重新选出骨架（每个工作节点都训练的 %2 个隐藏神经元），并为每个工作节点抽取新的子网络</translation>
    </message>
    <message>
        <source>%1 joined (%2)</source>
        <translation>%1 已加入（%2）</translation>
    </message>
    <message>
        <source>%1 rejoined at step %2 (%3)</source>
        <translation>%1 在第 %2 步重新加入（%3）</translation>
    </message>
    <message>
        <source>%1 finished all its steps</source>
        <translation>%1 已完成全部步数</translation>
    </message>
    <message>
        <source>%1 died: %2</source>
        <translation>%1 已死亡：%2</translation>
    </message>
    <message>
        <source>%1 slowed down %2 times</source>
        <translation>%1 已减速：慢 %2 倍</translation>
    </message>
    <message>
        <source>%1 back to full speed</source>
        <translation>%1 已恢复全速</translation>
    </message>
    <message>
        <source>Federated learning started: %1 worker processes host the clients, client rule %2, data split %3, %4 parameters</source>
        <translation>联邦学习已启动：%1 个工作进程托管各客户端，客户端规则 %2，数据划分 %3，%4 个参数</translation>
    </message>
    <message>
        <source>Round %1, attempt %2: %3 result(s) from %4 sampled clients are too few; the global model stays</source>
        <translation>第 %1 轮第 %2 次尝试：%4 个被抽中的客户端只交回 %3 个结果，太少；全局模型保持不变</translation>
    </message>
    <message>
        <source>The training data are split over %1 clients</source>
        <translation>训练数据划分给 %1 个客户端</translation>
    </message>
    <message>
        <source>; malicious workers: %1</source>
        <translation>；恶意工作节点：%1</translation>
    </message>
    <message>
        <source>Round %1, attempt %2: %3 of %4 clients survived, fewer than the %5 secure aggregation needs; nothing was unmasked and the global model stays</source>
        <translation>第 %1 轮第 %2 次尝试：%4 个客户端中只有 %3 个存活，少于安全聚合所需的 %5 个；没有去掉任何掩码，全局模型保持不变</translation>
    </message>
    <message>
        <source>Round %1: %2 client(s) dropped out after sharing their keys; the survivors&apos; shares removed their masks and the server unmasked only the survivors&apos; sum</source>
        <translation>第 %1 轮：%2 个客户端在分发密钥份额之后掉线；存活者交回的秘密份额去掉了它们的掩码，服务器只解出了存活者的总和</translation>
    </message>
    <message>
        <source>worker %1 dropped out of secure aggregation: its mask key was given away to remove its masks, so it may not push again</source>
        <translation>工作节点 %1 已从安全聚合中掉线：为移除其掩码，它的掩码密钥已被重建公开，因此不能再推送</translation>
    </message>
    <message>
        <source>worker %1 left a securely aggregated run before the mask keys were shared, so its partners&apos; masks can never be removed</source>
        <translation>工作节点 %1 在掩码密钥分享完成之前离开了安全聚合的运行，其伙伴的掩码永远无法移除</translation>
    </message>
    <message>
        <source>worker %1 left a securely aggregated run, and fewer than the %2 workers needed to rebuild its mask key are still in</source>
        <translation>工作节点 %1 离开了安全聚合的运行，剩余的工作节点少于重建其掩码密钥所需的 %2 个</translation>
    </message>
    <message>
        <source>Secure aggregation: the %1 workers exchanged their public keys and shares of their mask keys; every push is masked, and the server sees only each round&apos;s sum</source>
        <translation>安全聚合：%1 个工作节点交换了公钥和各自掩码密钥的秘密份额；每次推送都经过掩码，服务器只能看到每一轮的总和</translation>
    </message>
    <message>
        <source>Secure aggregation: worker %1 dropped out; its mask key was rebuilt from %2 survivors&apos; shares, and the server removes its masks from the rounds it misses</source>
        <translation>安全聚合：工作节点 %1 掉线；已用 %2 个存活节点的份额重建其掩码密钥，服务器会从它缺席的各轮中移除它的掩码</translation>
    </message>
    <message>
        <source>worker %1, the Paillier key holder, left: no round&apos;s sum can be decrypted without it</source>
        <translation>Paillier 密钥持有者工作节点 %1 已离开：没有它，任何一轮的总和都无法解密</translation>
    </message>
    <message>
        <source>Homomorphic aggregation: worker %1 holds a %2-bit Paillier key and sent its public half to every worker; the server adds encrypted pushes it cannot read, and worker %1 decrypts only each round&apos;s sum</source>
        <translation>同态聚合：工作节点 %1 持有 %2 位的 Paillier 密钥，并把公钥发给了每个工作节点；服务器把它无法读取的加密推送相加，工作节点 %1 只解密每一轮的总和</translation>
    </message>
    <message>
        <source>more than %1 connections were waiting to authenticate; an idle one was dropped so that workers can still join</source>
        <translation>超过 %1 个连接在等待认证；已断开一个空闲连接，好让工作节点仍能加入</translation>
    </message>
    <message>
        <source>started again by the restart policy, restart %1, pid %2</source>
        <translation>由重启策略重新启动，第 %1 次重启，pid %2</translation>
    </message>
    <message>
        <source>started again from the window, pid %1</source>
        <translation>从窗口重新启动，pid %1</translation>
    </message>
    <message>
        <source>%1 skipped %2 of its %3 steps while it was down: %4 examples untrained</source>
        <translation>%1 停机期间跳过了其 %3 步中的 %2 步：%4 个样本未被训练</translation>
    </message>
    <message>
        <source>%1 was lost and not restarted: %2 of its %3 steps, %4 examples, untrained</source>
        <translation>%1 已失联且未重启：其 %3 步中的 %2 步（%4 个样本）未被训练</translation>
    </message>
    <message>
        <source>The run resumes from its checkpoint at update %1</source>
        <translation>运行从第 %1 次更新处的检查点继续</translation>
    </message>
    <message>
        <source>The checkpoint at update %1 could not be written: %2</source>
        <translation>第 %1 次更新处的检查点未能写入：%2</translation>
    </message>
    <message>
        <source>worker %1 of the ring was killed by signal %2; the ring cannot sum without it, the other workers were stopped</source>
        <translation>环中的工作节点 %1 被信号 %2 终止；缺了它环无法求和，其余工作节点已停止</translation>
    </message>
    <message>
        <source>worker %1 of the ring exited with status %2; the ring cannot sum without it, the other workers were stopped</source>
        <translation>环中的工作节点 %1 以状态 %2 退出；缺了它环无法求和，其余工作节点已停止</translation>
    </message>
    <message>
        <source>worker %1 of the ring stopped answering; the ring cannot sum without it, the other workers were stopped</source>
        <translation>环中的工作节点 %1 不再响应；缺了它环无法求和，其余工作节点已停止</translation>
    </message>
    <message numerus="yes">
        <source>%1, part %2 of %3: %4 on %n worker(s)</source>
        <translation>
            <numerusform>%1，第 %2/%3 部分（%n 个工作节点）：%4</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, part %2 of %3: %4</source>
        <translation>%1，第 %2/%3 部分：%4</translation>
    </message>
    <message>
        <source>The cluster started: %1 workers, %2, data: %3, %4 parameters, port %5</source>
        <translation>集群已启动：%1 个工作节点，%2，数据：%3，%4 个参数，端口 %5</translation>
    </message>
    <message>
        <source>%1 (%2.csv)</source>
        <translation>%1（%2.csv）</translation>
    </message>
    <message>
        <source>%1 computed, tables in the run folder: %2</source>
        <translation>%1 已计算完成，运行文件夹中的表格：%2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>FederatedLessonView</name>
    <message>
        <source>Federated</source>
        <translation>联邦学习</translation>
    </message>
    <message>
        <source>Lesson 6: who took part in each round, and how far the clients&apos; updates spread</source>
        <translation>第 6 课：每一轮有哪些客户端参与，以及各客户端的更新有多分散</translation>
    </message>
    <message>
        <source>Lesson 6 finished</source>
        <translation>第 6 课已完成</translation>
    </message>
    <message>
        <source>Lesson 6: %1% test accuracy after %2 rounds</source>
        <translation>第 6 课：%2 轮后测试准确率 %1%</translation>
    </message>
    <message>
        <source>%1, IID</source>
        <translation>%1，独立同分布</translation>
    </message>
</context>
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
    <message>
        <source>Lesson 1: gradient averaging vs model averaging</source>
        <translation>第 1 课：梯度平均与模型平均</translation>
    </message>
    <message>
        <source>The lecture&apos;s example: weight = b * height + a over 100 people on 2 clients. After one step, averaging the clients&apos; gradients and averaging their models both give central gradient descent; with several local steps per round they part. Try cluster.local_steps = 1, unequal client sizes (cluster.capacities) and aggregation &quot;mean&quot;.</source>
        <translation>课程中的例子：体重 = b * 身高 + a，100 个人分在 2 个客户端上。走一步之后，平均各客户端的梯度与平均各客户端的模型都等于集中式梯度下降；每轮做多步本地更新时，两者就分开了。试试 cluster.local_steps = 1、不等的客户端规模（cluster.capacities）以及聚合方式 &quot;mean&quot;。</translation>
    </message>
    <message>
        <source>Lesson 5: aggregation methods</source>
        <translation>第 5 课：模型聚合方法</translation>
    </message>
    <message>
        <source>S-DNN (one worker), MA-DNN (model averaging), E-DNN (ensemble) and EC-DNN (ensemble-compression) on 4 workers, one after the other, with the same data, seed and number of examples. Compare test accuracy against epochs, wall time and bytes sent, and the model sizes in the table.</source>
        <translation>S-DNN（单个工作节点）、MA-DNN（模型平均）、E-DNN（模型集成）和 EC-DNN（集成-压缩）依次在 4 个工作节点上运行，数据、随机种子和样本数都相同。比较测试准确率随轮数、墙钟时间和发送字节数的变化，以及表中的模型大小。</translation>
    </message>
    <message>
        <source>Lesson 5: why averaging needs convexity</source>
        <translation>第 5 课：为什么模型平均需要凸性</translation>
    </message>
    <message>
        <source>Two MLPs train on the two halves of 12,000 Fashion-MNIST images. Averaged every round from a common start, the averaged model is as good as its members; trained from different random starts, their average is far worse, while their ensemble stays better than the mean of the two. Switch model.arch to linear (logistic regression, convex) and the average never loses.</source>
        <translation>两个 MLP 分别在 12000 张 Fashion-MNIST 图像的两半上训练。从同一起点出发、每轮平均时，平均后的模型和各个模型一样好；从不同的随机起点出发时，它们的平均要差得多，而它们的集成仍优于两者损失的平均。把 model.arch 改成 linear（逻辑回归，凸）后，平均模型就再也不会更差。</translation>
    </message>
    <message>
        <source>Lesson 7: gradients leak the training data</source>
        <translation>第 7 课：梯度会泄露训练数据</translation>
    </message>
    <message>
        <source>Four private Fashion-MNIST images go through a sigmoid MLP; the worker shares only their gradient. The server rebuilds them with DLG (L-BFGS on dummy images and labels). Then the price of defending: Gaussian noise of growing strength on every shared gradient against the attack&apos;s PSNR and the accuracy of a real 2-worker cluster whose workers add that noise to every push. Try privacy.defense topk or int8, or model.arch lenet5. In any cluster run, right-click a worker in the Cluster view to capture its next push and attack it here.</source>
        <translation>四张私有的 Fashion-MNIST 图像经过一个 sigmoid MLP；工作节点只共享它们的梯度。服务器用 DLG（对虚拟图像和标签做 L-BFGS）把它们重建出来。然后是防御的代价：在每个共享梯度上加强度递增的高斯噪声，对比攻击的 PSNR 和一个真实的双节点集群的准确率（它的每个工作节点都在每次推送前加上同样的噪声）。试试 privacy.defense 取 topk 或 int8，或 model.arch 取 lenet5。在任何集群运行中，在“集群”视图里右键点击一个工作节点，就能截获它的下一次推送并在这里攻击它。</translation>
    </message>
    <message>
        <source>Lesson 3: model partitioning</source>
        <translation>第 3 课：模型划分</translation>
    </message>
    <message>
        <source>The network is cut by layers into three stage processes: activations travel forward and their errors back, and a batch is cut into four micro-batches so the stages work at once. The timeline shows each stage&apos;s idle bubble; afterwards the lesson measures the bubble for 2 to 4 stages and 1 to 16 micro-batches beside the theory (p-1)/(m+p-1), and compares the bytes per example with data parallelism.</source>
        <translation>网络按层（横向）切分给三个阶段进程：激活值向前传递，误差向后传递；一个批次被切成四个微批次，让各阶段同时工作。时间线显示每个阶段空闲的“气泡”；之后本课测量 2 到 4 个阶段、1 到 16 个微批次时的气泡比例，与理论值 (p-1)/(m+p-1) 并列，并比较每个样本的通信字节数与数据并行的差别。</translation>
    </message>
    <message>
        <source>Lesson 3: splitting within layers</source>
        <translation>第 3 课：层内划分</translation>
    </message>
    <message>
        <source>Two processes each hold half of every layer&apos;s neurons (its rows of W and its biases). After each layer they exchange their halves of the outputs, and on the way back they add up their shares of the input errors: every process ends each step with the same result as one process with the whole network, while each holds half of the model. Compare the bytes per update with data parallelism in the Partitioning tab.</source>
        <translation>两个进程各持有每一层一半的神经元（W 中对应的行及其偏置）。每算完一层，它们交换各自那一半的输出；反向传播时，把各自对输入误差的那一份加起来：每一步结束时，每个进程得到的结果都与单个进程训练整个网络相同，而每个进程只持有一半的模型。在“模型划分”标签页中比较每次更新的通信字节数与数据并行的差别。</translation>
    </message>
    <message>
        <source>Lesson 3: random skeleton partition</source>
        <translation>第 3 课：随机骨架划分</translation>
    </message>
    <message>
        <source>A network too large for one worker: each of four workers trains only a sub-network, the skeleton of the most important neurons (a quarter of each hidden layer, shared by all) plus a quarter of the others drawn at random for it. The server merges the sub-networks, averaging where they overlap, and chooses again every five rounds. Afterwards the same rounds with the whole network on every worker (model averaging) for comparison: accuracy, bytes sent and the model each worker holds, in the Partitioning tab.</source>
        <translation>网络大到一个工作节点放不下：四个工作节点各自只训练一个子网络——由最重要的神经元组成的骨架（每个隐藏层的四分之一，大家共有）再加上为它随机抽取的其余神经元中的四分之一。服务器合并这些子网络，重叠的部分取平均，每五轮重新选择一次。之后用同样的轮数让每个工作节点训练整个网络（模型平均）作对比：准确率、发送的字节数以及每个节点持有的模型大小，见“模型划分”标签页。</translation>
    </message>
    <message>
        <source>Lesson 6: federated learning</source>
        <translation>第 6 课：联邦学习</translation>
    </message>
    <message>
        <source>One hundred clients own their data, and their data are not alike: a Dirichlet split with alpha 0.1 gives most clients only two or three classes (the Data tab). Each round the server samples a tenth of the clients that are online; each trains ten SGD steps on its own data from the global model, on the four worker processes that host the clients, and the server averages their models weighted by their data (FedAvg). Like phones, the clients are not alike either: one in ten is offline in a round, one in ten drops out mid-round, and the slowest miss the round&apos;s deadline (the Federated tab). Afterwards the same rounds run again with FedProx, with SCAFFOLD and with IID data (shuffle-split), on the same seed and clients: their accuracy curves side by side in the Federated tab.</source>
        <translation>一百个客户端各自拥有自己的数据，而且这些数据彼此不同：alpha 为 0.1 的狄利克雷划分使大多数客户端只有两三个类别（见“数据”标签页）。每一轮，服务器从在线的客户端中抽取十分之一；每个被抽中的客户端从全局模型出发，在自己的数据上做十步 SGD，这些客户端由四个工作进程托管；服务器按各客户端的数据量加权平均它们的模型（FedAvg）。和手机一样，客户端之间也各不相同：每轮有十分之一离线，十分之一在本轮中途掉线，最慢的那些赶不上本轮的截止时间（见“联邦学习”标签页）。之后，用相同的随机种子和客户端，再分别用 FedProx、SCAFFOLD 以及独立同分布数据（shuffle-split）把这些轮重跑一遍：它们的准确率曲线并列显示在“联邦学习”标签页中。</translation>
    </message>
    <message>
        <source>Lesson 8: poisoning and robust aggregation</source>
        <translation>第 8 课：投毒攻击与鲁棒聚合</translation>
    </message>
    <message>
        <source>Eleven workers train one model under BSP, and two of them (ranks 3 and 7) are malicious: they push their gradient flipped and ten times as long. The server does not simply average: Multi-Krum scores every push by its distance to its nearest neighbours and leaves out the farthest (the Security tab shows each round&apos;s verdicts, the pushes&apos; lengths and their angle to the aggregate, and how well the flags found the attackers). Afterwards the same training runs again on the same seed with every server rule against the same attack, and once without an attack: the table compares final accuracy. Set Compare to every rule against every attack (grid) to meet every attack, among them ALIE, which hides inside the honest spread, and a backdoor.</source>
        <translation>十一个工作节点在 BSP 下训练同一个模型，其中两个（编号 3 和 7）是恶意的：它们把梯度取反并放大十倍后推送。服务器不再简单平均：Multi-Krum 按每个推送到其最近邻居的距离打分，剔除最远的那些（“安全”页显示每一轮的判定、各推送的长度及其与聚合结果的夹角，以及标记找出攻击者的准确程度）。之后在同一随机种子上，用每一种服务器规则对抗同一攻击再训练一遍，并做一次无攻击的训练：表格比较最终准确率。把“比较”设为“所有规则 × 所有攻击”（grid），即可遇到每一种攻击，其中包括藏在诚实分布之内的 ALIE，以及后门攻击。</translation>
    </message>
    <message>
        <source>Lesson 8b: adversarial examples and adversarial training</source>
        <translation>第 8b 课：对抗样本与对抗训练</translation>
    </message>
    <message>
        <source>Four workers train an MLP on Fashion-MNIST. Afterwards PGD moves each test image by at most epsilon per pixel to make the model wrong: a change too small to see turns most answers (the Adversarial tab shows originals, adversarial images and the magnified change with the answers, and the test accuracy against epsilon). The same training runs again with adversarial training (every worker crafts PGD examples on its own batch each step and trains on them) and with input-gradient regularisation (the loss penalises how fast it changes with the input): they give up a little clean accuracy for much more accuracy under attack.</source>
        <translation>四个工作节点在 Fashion-MNIST 上训练一个 MLP。之后 PGD 把每张测试图像的每个像素最多移动 epsilon，使模型出错：肉眼几乎看不出的改动就能改变大多数答案（“对抗样本”页显示原图、对抗图像、放大后的改动以及模型的回答，还有测试准确率随 epsilon 的变化）。同样的训练再用对抗训练（每个工作节点每一步都在自己的批次上构造 PGD 样本并用它们训练）和输入梯度正则化（损失惩罚其随输入变化的快慢）各跑一遍：它们牺牲一点干净数据上的准确率，换来受攻击时高得多的准确率。</translation>
    </message>
    <message>
        <source>Lesson 8c: what a gradient says about the batch</source>
        <translation>第 8c 课：梯度泄露了批次的什么</translation>
    </message>
    <message>
        <source>Four workers train a small MLP on Fashion-MNIST with batches of 8. The honest-but-curious server keeps every push of worker 0 and, from each, guesses whether its batch held a T-shirt: a meta-classifier trained on gradients it computes itself on its own images, with and without a T-shirt, at the same parameters. Nobody asked the workers about T-shirts. Then the same run with the workers adding Gaussian noise (std 0.1, 0.3, 1) to every push, and with secure aggregation (the server sees only the round&apos;s sum): the attack&apos;s AUC falls, and the table shows what each defense costs in accuracy. Try privacy.property_class or training.batch_size.</source>
        <translation>四个工作节点以批大小 8 在 Fashion-MNIST 上训练一个小型 MLP。诚实但好奇的服务器保留工作节点 0 的每一次推送，并从每次推送中猜测其批次是否含有 T 恤：它用自己的图像（含与不含 T 恤）在相同参数下计算梯度，训练一个元分类器。没有人向工作节点询问过 T 恤。随后以同样的设置再运行：工作节点在每次推送上加高斯噪声（标准差 0.1、0.3、1），以及使用安全聚合（服务器只看到一轮的总和）：攻击的 AUC 随之下降，表格显示每种防御在准确率上的代价。可以试试 privacy.property_class 或 training.batch_size。</translation>
    </message>
    <message>
        <source>Lesson 4b: fewer bytes on the wire</source>
        <translation>第 4b 课：线路上更少的字节</translation>
    </message>
    <message>
        <source>Four workers train an MLP on Fashion-MNIST under BSP, and every push is the whole gradient: 4 bytes a value. Then the same training with each update encoder: half or quarter precision, only the largest 1% of the values (top-k), 1% at random (rand-k), a few random levels a value (QSGD), one bit a value (sign), and top-k and sign again with error feedback, which keeps what a push left out for the next one; and top-k with feedback at 10% and 0.1%. The chart sets accuracy against the bytes pushed: the line joins the runs nothing beats on both.</source>
        <translation>四个工作节点在 BSP 下于 Fashion-MNIST 上训练一个 MLP，每次推送都是完整的梯度：每个值 4 字节。随后用每种更新编码器重复同样的训练：半精度或四分之一精度、只发最大的 1% 的值（top-k）、随机发 1%（rand-k）、每个值取少数几个随机量化级（QSGD）、每个值 1 位（sign），以及带误差反馈的 top-k 和 sign（把一次推送遗漏的部分留给下一次）；还有带反馈的 top-k 在 10% 和 0.1% 下的运行。图表把准确率与推送的字节数对比：连线连接在两方面都无法被超越的运行。</translation>
    </message>
    <message>
        <source>Lesson 6b: private federated rounds</source>
        <translation>第 6b 课：保护隐私的联邦轮次</translation>
    </message>
    <message>
        <source>The federated rounds of lesson 6 (one hundred non-IID clients, a tenth sampled a round, some offline or dropping out), with the updates protected. Secure aggregation: each client masks its update with secrets it shares pairwise with the others, and deals Shamir shares of its keys, so the server learns only the sum of the survivors&apos; updates, even when clients drop out after masking (the log names each round that recovered from dropouts). Central differential privacy: every update is clipped to norm 0.5 and the server adds Gaussian noise to the sum; the privacy spent, epsilon at delta 1e-5, climbs round by round on the training chart. Afterwards the same rounds run without protection, with local DP, with central DP, with secure aggregation, and with both, and one round with Paillier encryption (a 1024-bit key here, so that the round takes seconds rather than minutes): accuracy, epsilon, bytes, the server&apos;s time and what it learns, side by side in the Federated tab.</source>
        <translation>第 6 课的联邦轮次（一百个非独立同分布的客户端，每轮抽取十分之一，有的离线、有的中途掉线），但更新受到保护。安全聚合：每个客户端用与其他客户端两两共享的秘密给自己的更新加掩码，并把自己密钥的 Shamir 秘密份额分发出去，因此服务器只能得到存活客户端更新的总和，即使有客户端在加掩码之后掉线也是如此（日志会指出每一轮从掉线中恢复的情况）。中心化差分隐私：每个更新被裁剪到范数 0.5，服务器向总和加高斯噪声；已花费的隐私预算（δ = 1e-5 时的 ε）在训练图上逐轮上升。之后，同样的轮次再分别在无保护、本地差分隐私、中心化差分隐私、安全聚合以及两者兼用的情况下各跑一遍，并用 Paillier 加密跑一轮（这里用 1024 位密钥，使一轮只需几十秒而不是几分钟）：准确率、ε、字节数、服务器耗时以及服务器能得知什么，并排显示在“联邦学习”标签页中。</translation>
    </message>
    <message>
        <source>Lesson 4c: all-reduce without a server</source>
        <translation>第 4c 课：没有服务器的 All-Reduce</translation>
    </message>
    <message>
        <source>Four workers and no parameter server: each step they sum their gradients round a ring (reduce-scatter, then all-gather) and each takes the same step. Watch the Cluster and Traffic views, then compare what each worker sends with a parameter server&apos;s link at 2, 4 and 8 workers.</source>
        <translation>四个工作节点，没有参数服务器：每一步它们沿环对梯度求和（先 reduce-scatter，再 all-gather），各自走同样的一步。观察“集群”和“流量”视图，再比较 2、4、8 个工作节点时每个工作节点发送的字节与参数服务器链路上的字节。</translation>
    </message>
</context>
<context>
    <name>ModelPartitionLessonView</name>
    <message>
        <source>Partitioning</source>
        <translation>模型划分</translation>
    </message>
    <message>
        <source>Lesson 3: the pipeline&apos;s bubble and the bytes per example</source>
        <translation>第 3 课：流水线的气泡与每个样本的通信字节数</translation>
    </message>
    <message>
        <source>Lesson 3 measured: see the Partitioning tab</source>
        <translation>第 3 课测量完成：见“模型划分”标签页</translation>
    </message>
</context>
<context>
    <name>PrivacyLessonView</name>
    <message>
        <source>Privacy</source>
        <translation>隐私</translation>
    </message>
    <message>
        <source>Lesson 7: rebuilding private images from a shared gradient</source>
        <translation>第 7 课：从共享的梯度重建私有图像</translation>
    </message>
    <message>
        <source>Attack done: see the Privacy tab</source>
        <translation>攻击完成：见“隐私”标签页</translation>
    </message>
    <message>
        <source>The captured push could not be kept: %1</source>
        <translation>无法保存截获的推送：%1</translation>
    </message>
    <message>
        <source>The server kept worker %1&apos;s push of step %2: attack it in the Privacy tab</source>
        <translation>服务器保存了工作节点 %1 在第 %2 步的推送：在“隐私”页中攻击它</translation>
    </message>
    <message>
        <source>%1 %2: attack PSNR %3 dB, SSIM %4, test accuracy %5% (%6)</source>
        <translation>%1 %2：攻击 PSNR %3 dB，SSIM %4，测试准确率 %5%（%6）</translation>
    </message>
    <message>
        <source>on the cluster</source>
        <translation>在集群上</translation>
    </message>
    <message>
        <source>in this process</source>
        <translation>在本进程中</translation>
    </message>
</context>
<context>
    <name>PropertyLessonView</name>
    <message>
        <source>Property</source>
        <translation>属性推理</translation>
    </message>
    <message>
        <source>Lesson 8c: what the server infers about a worker&apos;s batch from its gradient</source>
        <translation>第 8c 课：服务器从梯度推断出工作节点批次的什么</translation>
    </message>
    <message>
        <source>Lesson 8c finished</source>
        <translation>第 8c 课完成</translation>
    </message>
    <message>
        <source>Lesson 8c: the server told the victim&apos;s batches apart with AUC %1 (%2)</source>
        <translation>第 8c 课：服务器区分受害者批次的 AUC 为 %1（%2）</translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <source>Cannot export %1: %2</source>
        <translation>无法导出 %1：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a table DistLab writes</source>
        <translation>“%1”不是 DistLab 写出的表格</translation>
    </message>
    <message>
        <source>Cannot write the report: %1</source>
        <translation>无法写入报告：%1</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>Run on</source>
        <translation>运行时间</translation>
    </message>
    <message>
        <source>Final test accuracy</source>
        <translation>最终测试准确率</translation>
    </message>
    <message>
        <source>not evaluated</source>
        <translation>未评估</translation>
    </message>
    <message>
        <source>Final test loss</source>
        <translation>最终测试损失</translation>
    </message>
    <message>
        <source>Bytes sent (both ways)</source>
        <translation>发送的字节数（双向）</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>墙钟时间</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>工作节点数</translation>
    </message>
    <message>
        <source>Worker deaths</source>
        <translation>工作节点死亡次数</translation>
    </message>
    <message>
        <source>Updates applied by the server</source>
        <translation>服务器应用的更新数</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no (stopped or still running)</source>
        <translation>否（已停止或仍在运行）</translation>
    </message>
    <message>
        <source>DistLab report: %1</source>
        <translation>DistLab 报告：%1</translation>
    </message>
    <message>
        <source>en</source>
        <comment>the HTML language code of this translation</comment>
        <translation>zh-CN</translation>
    </message>
    <message>
        <source>The experiment and the summary as JSON:</source>
        <translation>实验与摘要（JSON）：</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>This run has no %1</source>
        <translation>这次运行没有 %1</translation>
    </message>
    <message>
        <source>Cannot export the trace: %1</source>
        <translation>无法导出跟踪：%1</translation>
    </message>
</context>
<context>
    <name>ResultNames</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Peak activation memory</source>
        <translation>峰值激活内存</translation>
    </message>
    <message>
        <source>Adversarial examples</source>
        <translation>对抗样本</translation>
    </message>
    <message>
        <source>Adversarial training, summary</source>
        <translation>对抗训练汇总</translation>
    </message>
    <message>
        <source>Accuracy under attack, by ε</source>
        <translation>受攻击时的准确率（按 ε）</translation>
    </message>
    <message>
        <source>Aggregation methods, by round</source>
        <translation>各聚合方法逐轮结果</translation>
    </message>
    <message>
        <source>Aggregation methods, summary</source>
        <translation>聚合方法汇总</translation>
    </message>
    <message>
        <source>The attack, by iteration</source>
        <translation>攻击过程（按迭代）</translation>
    </message>
    <message>
        <source>Rebuilt images</source>
        <translation>重建的图像</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>One step of each method</source>
        <translation>各方法的一步</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>逐轮结果</translation>
    </message>
    <message>
        <source>Each client&apos;s path</source>
        <translation>各客户端的参数轨迹</translation>
    </message>
    <message>
        <source>The people (data)</source>
        <translation>样本人群（数据）</translation>
    </message>
    <message>
        <source>Pipeline bubbles</source>
        <translation>流水线气泡</translation>
    </message>
    <message>
        <source>Pipeline stages</source>
        <translation>流水线阶段</translation>
    </message>
    <message>
        <source>Bytes per example</source>
        <translation>每个样本的字节数</translation>
    </message>
    <message>
        <source>Shards within layers</source>
        <translation>层内分片</translation>
    </message>
    <message>
        <source>Bytes per update</source>
        <translation>每次更新的字节数</translation>
    </message>
    <message>
        <source>Who owns which neurons</source>
        <translation>各神经元的归属</translation>
    </message>
    <message>
        <source>Skeleton against model averaging</source>
        <translation>骨架划分与模型平均对比</translation>
    </message>
    <message>
        <source>Averaging and convexity</source>
        <translation>平均与凸性</translation>
    </message>
    <message>
        <source>Compressed updates</source>
        <translation>压缩更新</translation>
    </message>
    <message>
        <source>Property inference</source>
        <translation>属性推断</translation>
    </message>
    <message>
        <source>Property inference, by round</source>
        <translation>属性推断逐轮结果</translation>
    </message>
    <message>
        <source>Client rules compared</source>
        <translation>客户端规则比较</translation>
    </message>
    <message>
        <source>Client rules compared, by round</source>
        <translation>客户端规则逐轮比较</translation>
    </message>
    <message>
        <source>Federated learning</source>
        <translation>联邦学习</translation>
    </message>
    <message>
        <source>Protections compared</source>
        <translation>保护方式比较</translation>
    </message>
    <message>
        <source>Privacy against utility</source>
        <translation>隐私与效用</translation>
    </message>
    <message>
        <source>Bytes per step, server against ring</source>
        <translation>每步字节数：参数服务器与环形对比</translation>
    </message>
    <message>
        <source>Ring workers</source>
        <translation>环上的工作节点</translation>
    </message>
    <message>
        <source>Time per step, ring</source>
        <translation>环形每步耗时</translation>
    </message>
    <message>
        <source>Parameter server against ring</source>
        <translation>参数服务器与环形对比</translation>
    </message>
    <message>
        <source>What the rule did with each worker</source>
        <translation>规则对每个工作节点的处理</translation>
    </message>
    <message>
        <source>Attacks against rules</source>
        <translation>攻击与规则对比</translation>
    </message>
    <message>
        <source>weight (kg)</source>
        <translation>体重（kg）</translation>
    </message>
    <message>
        <source>class after the attack</source>
        <translation>攻击后的类别</translation>
    </message>
    <message>
        <source>confidence after the attack</source>
        <translation>攻击后的置信度</translation>
    </message>
    <message>
        <source>client rule</source>
        <translation>客户端规则</translation>
    </message>
    <message>
        <source>attack</source>
        <translation>攻击</translation>
    </message>
    <message>
        <source>attack accuracy</source>
        <translation>攻击准确率</translation>
    </message>
    <message>
        <source>attack PSNR (dB)</source>
        <translation>攻击 PSNR（dB）</translation>
    </message>
    <message>
        <source>attack SSIM</source>
        <translation>攻击 SSIM</translation>
    </message>
    <message>
        <source>attacker</source>
        <translation>攻击者</translation>
    </message>
    <message>
        <source>attackers&apos; score</source>
        <translation>攻击者得分</translation>
    </message>
    <message>
        <source>loss of the averaged model</source>
        <translation>平均模型的损失</translation>
    </message>
    <message>
        <source>backdoor success</source>
        <translation>后门成功率</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>busy share</source>
        <translation>忙碌占比</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>字节数</translation>
    </message>
    <message>
        <source>bytes down a client a round</source>
        <translation>每客户端每轮下行字节数</translation>
    </message>
    <message>
        <source>bytes from the workers</source>
        <translation>来自工作节点的字节数</translation>
    </message>
    <message>
        <source>bytes a step</source>
        <translation>每步字节数</translation>
    </message>
    <message>
        <source>bytes pushed</source>
        <translation>推送字节数</translation>
    </message>
    <message>
        <source>bytes sent</source>
        <translation>发送字节数</translation>
    </message>
    <message>
        <source>bytes sent a process</source>
        <translation>每进程发送字节数</translation>
    </message>
    <message>
        <source>bytes to the workers</source>
        <translation>发往工作节点的字节数</translation>
    </message>
    <message>
        <source>bytes up a client a round</source>
        <translation>每客户端每轮上行字节数</translation>
    </message>
    <message>
        <source>one machine: a</source>
        <translation>单机：a</translation>
    </message>
    <message>
        <source>one machine: b</source>
        <translation>单机：b</translation>
    </message>
    <message>
        <source>accuracy on clean images</source>
        <translation>干净图像上的准确率</translation>
    </message>
    <message>
        <source>class before the attack</source>
        <translation>攻击前的类别</translation>
    </message>
    <message>
        <source>confidence before the attack</source>
        <translation>攻击前的置信度</translation>
    </message>
    <message>
        <source>client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>clients</source>
        <translation>客户端数</translation>
    </message>
    <message>
        <source>clients a round</source>
        <translation>每轮客户端数</translation>
    </message>
    <message>
        <source>data split</source>
        <translation>数据划分</translation>
    </message>
    <message>
        <source>data parallel</source>
        <translation>数据并行</translation>
    </message>
    <message>
        <source>defense</source>
        <translation>防御</translation>
    </message>
    <message>
        <source>time (s)</source>
        <translation>时间（秒）</translation>
    </message>
    <message>
        <source>encoder</source>
        <translation>编码器</translation>
    </message>
    <message>
        <source>loss of the ensemble</source>
        <translation>集成模型的损失</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>训练轮次</translation>
    </message>
    <message>
        <source>error feedback</source>
        <translation>误差反馈</translation>
    </message>
    <message>
        <source>final test accuracy</source>
        <translation>最终测试准确率</translation>
    </message>
    <message>
        <source>first neuron</source>
        <translation>起始神经元</translation>
    </message>
    <message>
        <source>first layer</source>
        <translation>起始层</translation>
    </message>
    <message>
        <source>flag precision</source>
        <translation>标记精确率</translation>
    </message>
    <message>
        <source>flag recall</source>
        <translation>标记召回率</translation>
    </message>
    <message>
        <source>gradient: a</source>
        <translation>梯度：a</translation>
    </message>
    <message>
        <source>gradient: b</source>
        <translation>梯度：b</translation>
    </message>
    <message>
        <source>gradient averaging: a</source>
        <translation>梯度平均：a</translation>
    </message>
    <message>
        <source>gradient averaging: b</source>
        <translation>梯度平均：b</translation>
    </message>
    <message>
        <source>gradient distance</source>
        <translation>梯度距离</translation>
    </message>
    <message>
        <source>has the property</source>
        <translation>具有该属性</translation>
    </message>
    <message>
        <source>height</source>
        <translation>身高</translation>
    </message>
    <message>
        <source>honest workers&apos; score</source>
        <translation>诚实节点得分</translation>
    </message>
    <message>
        <source>image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>迭代</translation>
    </message>
    <message>
        <source>label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <source>levels</source>
        <translation>量化级数</translation>
    </message>
    <message>
        <source>local steps</source>
        <translation>本地步数</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>clients&apos; mean loss</source>
        <translation>客户端平均损失</translation>
    </message>
    <message>
        <source>mean cosine</source>
        <translation>平均余弦</translation>
    </message>
    <message>
        <source>members&apos; mean loss</source>
        <translation>成员平均损失</translation>
    </message>
    <message>
        <source>mean norm</source>
        <translation>平均范数</translation>
    </message>
    <message>
        <source>mean PSNR (dB)</source>
        <translation>平均 PSNR（dB）</translation>
    </message>
    <message>
        <source>mean score</source>
        <translation>平均得分</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>实测</translation>
    </message>
    <message>
        <source>method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>micro-batches</source>
        <translation>微批数</translation>
    </message>
    <message>
        <source>model: a</source>
        <translation>模型：a</translation>
    </message>
    <message>
        <source>model: b</source>
        <translation>模型：b</translation>
    </message>
    <message>
        <source>model averaging: a</source>
        <translation>模型平均：a</translation>
    </message>
    <message>
        <source>model averaging: b</source>
        <translation>模型平均：b</translation>
    </message>
    <message>
        <source>model bytes a process</source>
        <translation>每进程模型字节数</translation>
    </message>
    <message>
        <source>model parameters</source>
        <translation>模型参数数</translation>
    </message>
    <message>
        <source>share of the model</source>
        <translation>模型占比</translation>
    </message>
    <message>
        <source>neurons</source>
        <translation>神经元数</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>所属进程</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>参数数</translation>
    </message>
    <message>
        <source>on the Pareto front</source>
        <translation>位于帕累托前沿</translation>
    </message>
    <message>
        <source>peak activation bytes</source>
        <translation>峰值激活字节数</translation>
    </message>
    <message>
        <source>pipeline</source>
        <translation>流水线</translation>
    </message>
    <message>
        <source>pipeline (measured)</source>
        <translation>流水线（实测）</translation>
    </message>
    <message>
        <source>share with the property</source>
        <translation>具有该属性的比例</translation>
    </message>
    <message>
        <source>protection</source>
        <translation>保护方式</translation>
    </message>
    <message>
        <source>server: seconds a step</source>
        <translation>参数服务器：每步秒数</translation>
    </message>
    <message>
        <source>server&apos;s link</source>
        <translation>服务器链路</translation>
    </message>
    <message>
        <source>server&apos;s link (measured)</source>
        <translation>服务器链路（实测）</translation>
    </message>
    <message>
        <source>server: a worker</source>
        <translation>参数服务器：每个工作节点</translation>
    </message>
    <message>
        <source>server: a worker sends</source>
        <translation>参数服务器：每个工作节点发送</translation>
    </message>
    <message>
        <source>server: a worker sends (measured)</source>
        <translation>参数服务器：每个工作节点发送（实测）</translation>
    </message>
    <message>
        <source>ratio</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>bytes uncompressed</source>
        <translation>未压缩字节数</translation>
    </message>
    <message>
        <source>recovered label</source>
        <translation>恢复的标签</translation>
    </message>
    <message>
        <source>ring: seconds a step</source>
        <translation>环形：每步秒数</translation>
    </message>
    <message>
        <source>ring: a worker</source>
        <translation>环形：每个工作节点</translation>
    </message>
    <message>
        <source>ring: a worker (measured)</source>
        <translation>环形：每个工作节点（实测）</translation>
    </message>
    <message>
        <source>ring: a worker sends</source>
        <translation>环形：每个工作节点发送</translation>
    </message>
    <message>
        <source>ring: a worker sends (measured)</source>
        <translation>环形：每个工作节点发送（实测）</translation>
    </message>
    <message>
        <source>accuracy under attack</source>
        <translation>受攻击时的准确率</translation>
    </message>
    <message>
        <source>round</source>
        <translation>通信轮</translation>
    </message>
    <message>
        <source>rounds</source>
        <translation>通信轮数</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>examples a second</source>
        <translation>每秒样本数</translation>
    </message>
    <message>
        <source>score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>seconds a round</source>
        <translation>每轮秒数</translation>
    </message>
    <message>
        <source>seconds a step</source>
        <translation>每步秒数</translation>
    </message>
    <message>
        <source>secure aggregation</source>
        <translation>安全聚合</translation>
    </message>
    <message>
        <source>the server learns</source>
        <translation>服务器得知</translation>
    </message>
    <message>
        <source>server&apos;s ms a round</source>
        <translation>服务器每轮毫秒数</translation>
    </message>
    <message>
        <source>server optimizer</source>
        <translation>服务器优化器</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>shadow examples</source>
        <translation>影子样本数</translation>
    </message>
    <message>
        <source>shard</source>
        <translation>分片</translation>
    </message>
    <message>
        <source>examples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>stages</source>
        <translation>阶段数</translation>
    </message>
    <message>
        <source>start</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>start: a</source>
        <translation>起点：a</translation>
    </message>
    <message>
        <source>start: b</source>
        <translation>起点：b</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>strength</source>
        <translation>强度</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>test image</source>
        <translation>测试图像</translation>
    </message>
    <message>
        <source>test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <source>theory</source>
        <translation>理论值</translation>
    </message>
    <message>
        <source>theory for these stages</source>
        <translation>按这些阶段的理论值</translation>
    </message>
    <message>
        <source>training time (s)</source>
        <translation>训练时间（秒）</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练方式</translation>
    </message>
    <message>
        <source>wall time (s)</source>
        <translation>墙钟时间（秒）</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>weighted</source>
        <translation>加权</translation>
    </message>
    <message>
        <source>width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>worker</source>
        <translation>工作节点</translation>
    </message>
    <message>
        <source>parameters a worker</source>
        <translation>每个工作节点的参数数</translation>
    </message>
    <message>
        <source>workers</source>
        <translation>工作节点数</translation>
    </message>
    <message>
        <source>false positive rate</source>
        <translation>假阳性率</translation>
    </message>
    <message>
        <source>true positive rate</source>
        <translation>真阳性率</translation>
    </message>
    <message>
        <source>one machine</source>
        <translation>单机</translation>
    </message>
    <message>
        <source>gradient averaging</source>
        <translation>梯度平均</translation>
    </message>
    <message>
        <source>model averaging</source>
        <translation>模型平均</translation>
    </message>
    <message>
        <source>random skeleton</source>
        <translation>随机骨架划分</translation>
    </message>
    <message>
        <source>within layers (theory)</source>
        <translation>层内划分（理论）</translation>
    </message>
    <message>
        <source>within layers (measured)</source>
        <translation>层内划分（实测）</translation>
    </message>
    <message>
        <source>1F1B (bytes)</source>
        <translation>1F1B（字节）</translation>
    </message>
    <message>
        <source>GPipe (bytes)</source>
        <translation>GPipe（字节）</translation>
    </message>
    <message>
        <source>utility measured</source>
        <translation>效用测量方式</translation>
    </message>
    <message>
        <source>height (m)</source>
        <translation>身高（m）</translation>
    </message>
    <message>
        <source>pushes clipped</source>
        <translation>被裁剪的推送数</translation>
    </message>
    <message>
        <source>pushes left out</source>
        <translation>被剔除的推送数</translation>
    </message>
    <message>
        <source>pushes judged</source>
        <translation>评判的推送数</translation>
    </message>
    <message>
        <source>pushes kept</source>
        <translation>保留的推送数</translation>
    </message>
    <message>
        <source>plain mean over the clients</source>
        <translation>对客户端简单平均</translation>
    </message>
    <message>
        <source>the trained run</source>
        <translation>已训练的运行</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>RingLessonView</name>
    <message>
        <source>All-reduce</source>
        <translation>环形 All-Reduce</translation>
    </message>
    <message>
        <source>Lesson 4c: bytes each worker sends a step, parameter server against ring, by worker count</source>
        <translation>第 4c 课：按工作节点数比较参数服务器与环上每个工作节点每步发送的字节</translation>
    </message>
    <message>
        <source>Lesson 4c: %1 workers summed their gradients round a ring</source>
        <translation>第 4c 课：%1 个工作节点沿环对梯度求和</translation>
    </message>
</context>
<context>
    <name>RunStatus</name>
    <message>
        <source>Epoch %1 of %2 (update %3, %4 s): test accuracy %5%, %6 samples/s</source>
        <translation>第 %1 / %2 轮（第 %3 次更新，%4 秒）：测试准确率 %5%，每秒 %6 个样本</translation>
    </message>
    <message>
        <source>Ready: press Run (F5) to train</source>
        <translation>就绪：按“运行”(F5) 开始训练</translation>
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
        <source>epoch %1 / %2</source>
        <translation>第 %1 / %2 轮</translation>
    </message>
    <message>
        <source>Finished: test accuracy %1%, %2 samples/s</source>
        <translation>已完成：测试准确率 %1%，每秒 %2 个样本</translation>
    </message>
    <message>
        <source>processes alive: %1 / %2</source>
        <translation>存活进程：%1 / %2</translation>
    </message>
    <message>
        <source>Round %1 of %2 (%3 s): test accuracy %4%, %5 samples/s</source>
        <translation>第 %1 / %2 轮（%3 秒）：测试准确率 %4%，每秒 %5 个样本</translation>
    </message>
    <message>
        <source>round %1 / %2</source>
        <translation>第 %1 / %2 轮</translation>
    </message>
    <message>
        <source>%1 examples of lost workers&apos; shares untrained</source>
        <translation>失联工作节点的数据份额中有 %1 个样本未被训练</translation>
    </message>
    <message>
        <source>network: %1</source>
        <translation>网络：%1</translation>
    </message>
</context>
<context>
    <name>SecurityLessonView</name>
    <message>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <source>Lesson 8: the server&apos;s verdict on every push, and whether the attack got through</source>
        <translation>第 8 课：服务器对每个推送的判定，以及攻击是否得逞</translation>
    </message>
    <message>
        <source>Lesson 8 finished</source>
        <translation>第 8 课完成</translation>
    </message>
    <message>
        <source>Lesson 8: %1 under %2 reached %3% test accuracy; %4 runs compared</source>
        <translation>第 8 课：在 %2 规则下遭受 %1 攻击，测试准确率为 %3%；共比较 %4 次运行</translation>
    </message>
</context>
<context>
    <name>SpecProblems</name>
    <message>
        <source>%1 has the wrong type (%2); expected an object</source>
        <translation>%1 的类型不对（%2）；应为一个对象</translation>
    </message>
    <message>
        <source>%1 has the wrong type (%2); expected an integer</source>
        <translation>%1 的类型不对（%2）；应为整数</translation>
    </message>
    <message>
        <source>%1 has the wrong type (%2); expected a non-negative integer</source>
        <translation>%1 的类型不对（%2）；应为非负整数</translation>
    </message>
    <message>
        <source>%1 has the wrong type (%2); expected a number</source>
        <translation>%1 的类型不对（%2）；应为数字</translation>
    </message>
    <message>
        <source>%1 has the wrong type (%2); expected a string</source>
        <translation>%1 的类型不对（%2）；应为字符串</translation>
    </message>
    <message>
        <source>%1 has the wrong type (%2); expected true or false</source>
        <translation>%1 的类型不对（%2）；应为 true 或 false</translation>
    </message>
    <message>
        <source>%1 has the wrong type (%2); expected one of the strings %3</source>
        <translation>%1 的类型不对（%2）；应为以下字符串之一：%3</translation>
    </message>
    <message>
        <source>%1 has the wrong type (%2); expected a list of integers from %3 to %4</source>
        <translation>%1 的类型不对（%2）；应为 %3 到 %4 之间的整数列表</translation>
    </message>
    <message>
        <source>%1 has the wrong type (%2); expected a list of numbers from %3 to %4</source>
        <translation>%1 的类型不对（%2）；应为 %3 到 %4 之间的数字列表</translation>
    </message>
    <message>
        <source>%1 is not allowed; expected a list of two numbers [low, high]</source>
        <translation>%1 不允许；应为两个数字组成的列表 [下限, 上限]</translation>
    </message>
    <message>
        <source>%1 is out of range; allowed: integers from %2 to %3</source>
        <translation>%1 超出范围；允许：%2 到 %3 之间的整数</translation>
    </message>
    <message>
        <source>%1 is out of range; allowed: integers &gt;= 0</source>
        <translation>%1 超出范围；允许：大于等于 0 的整数</translation>
    </message>
    <message>
        <source>%1 is out of range; allowed: &gt;= %2 and &lt;= %3</source>
        <translation>%1 超出范围；允许：大于等于 %2 且小于等于 %3</translation>
    </message>
    <message>
        <source>%1 is out of range; allowed: &gt; %2 and &lt;= %3</source>
        <translation>%1 超出范围；允许：大于 %2 且小于等于 %3</translation>
    </message>
    <message>
        <source>%1 is out of range; allowed: numbers from %2 to %3</source>
        <translation>%1 超出范围；允许：%2 到 %3 之间的数字</translation>
    </message>
    <message>
        <source>%1 is not allowed; allowed values: %2</source>
        <translation>%1 不允许；允许的值：%2</translation>
    </message>
    <message>
        <source>is %1 bytes long; allowed: at most %2</source>
        <translation>长度为 %1 字节；允许：最多 %2 字节</translation>
    </message>
    <message>
        <source>has %1 items; allowed: at most %2</source>
        <translation>有 %1 项；允许：最多 %2 项</translation>
    </message>
    <message>
        <source>unknown key; allowed keys: %1</source>
        <translation>未知的键；允许的键：%1</translation>
    </message>
    <message>
        <source>unknown key; allowed keys: %1; did you mean %2?</source>
        <translation>未知的键；允许的键：%1；你是不是想写 %2？</translation>
    </message>
    <message>
        <source>has %1 entries; allowed: none (all workers alike) or one per worker (%2)</source>
        <translation>有 %1 项；允许：留空（所有工作节点相同）或每个工作节点一项（%2 项）</translation>
    </message>
    <message>
        <source>&quot;lenet5&quot; needs an image data set (fashion-mnist, mnist or cifar10); dataset.name is &quot;%1&quot;</source>
        <translation>“lenet5”需要图像数据集（fashion-mnist、mnist 或 cifar10）；dataset.name 是“%1”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs class labels; the height-weight data set is a regression, allowed: mse</source>
        <translation>“%1”需要类别标签；height-weight 数据集是回归问题，允许：mse</translation>
    </message>
    <message>
        <source>low must be below high; got [%1, %2]</source>
        <translation>下限必须小于上限；当前为 [%1, %2]</translation>
    </message>
    <message>
        <source>%1 is too few; allowed: 0 (default) or at least 2 per class (%2)</source>
        <translation>%1 太少；允许：0（默认）或每类至少 2 个（%2）</translation>
    </message>
    <message>
        <source>%1 is too strong for %2; allowed: 0 to below %3 (topk would prune everything)</source>
        <translation>%1 对 %2 来说太强；允许：0 到小于 %3（否则 topk 会剪掉全部）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs each example&apos;s gradient; in a cluster run allowed: none, noise, topk, fp16, int8</source>
        <translation>“%1”需要每个样本各自的梯度；在集群运行中允许：none、noise、topk、fp16、int8</translation>
    </message>
    <message>
        <source>defends gradient pushes; cluster.sync &quot;%1&quot; pushes models</source>
        <translation>只防御梯度推送；cluster.sync “%1”推送的是模型</translation>
    </message>
    <message>
        <source>masks cancel only in the sum of a whole round; allowed with a cluster.sync that gathers rounds: bsp or local-sgd (is &quot;%1&quot;)</source>
        <translation>掩码只在一整轮的总和中相互抵消；只允许按轮汇集的 cluster.sync：bsp 或 local-sgd（当前为“%1”）</translation>
    </message>
    <message>
        <source>the server sees only the round&apos;s sum; cluster.model_aggregation &quot;%1&quot; needs each model (allowed: average)</source>
        <translation>服务器只能看到一轮的总和；cluster.model_aggregation “%1”需要每个模型（允许：average）</translation>
    </message>
    <message>
        <source>needs at least 2 cluster.workers</source>
        <translation>至少需要 2 个 cluster.workers</translation>
    </message>
    <message>
        <source>local SGD pushes models, not gradients; the attack needs a cluster.sync that pushes gradients: bsp, asp or ssp</source>
        <translation>本地 SGD 推送的是模型而不是梯度；攻击需要推送梯度的 cluster.sync：bsp、asp 或 ssp</translation>
    </message>
    <message>
        <source>&quot;%1&quot; combines whole models; it needs cluster.sync &quot;local-sgd&quot; (is &quot;%2&quot;)</source>
        <translation>“%1”合并的是整个模型；需要 cluster.sync 为“local-sgd”（当前为“%2”）</translation>
    </message>
    <message>
        <source>ensembles average class probabilities; the height-weight data set is a regression, allowed: average</source>
        <translation>集成是对类别概率取平均；height-weight 数据集是回归问题，允许：average</translation>
    </message>
    <message>
        <source>%1 would declare live workers dead; allowed: more than cluster.heartbeat_ms (%2)</source>
        <translation>%1 会把活着的工作节点判为死亡；允许：大于 cluster.heartbeat_ms（%2）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; splits by class label; the height-weight data set has none, allowed: shuffle-split, with-replacement</source>
        <translation>“%1”按类别标签划分；height-weight 数据集没有标签，允许：shuffle-split、with-replacement</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not the lesson&apos;s data; experiment &quot;%2&quot; allows: %3</source>
        <translation>“%1”不是本课的数据；实验“%2”允许：%3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not the lesson&apos;s model; experiment &quot;%2&quot; allows: %3</source>
        <translation>“%1”不是本课的模型；实验“%2”允许：%3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not allowed with experiment &quot;averaging&quot;; allowed: shuffle-split (people in their order), shards (sorted by height)</source>
        <translation>实验“averaging”不允许“%1”；允许：shuffle-split（按人员原顺序）、shards（按身高排序）</translation>
    </message>
    <message>
        <source>%1 people cannot be split %2 ways in these proportions</source>
        <translation>%1 个人无法按这些比例分成 %2 份</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not attacked yet; experiment &quot;inversion&quot; allows: mlp, lenet5</source>
        <translation>尚不能攻击“%1”；实验“inversion”允许：mlp、lenet5</translation>
    </message>
    <message>
        <source>gradient inversion needs a classification data set</source>
        <translation>梯度反演需要分类数据集</translation>
    </message>
    <message>
        <source>no image to attack; allowed: 1 to 8 test-set indices</source>
        <translation>没有要攻击的图像；允许：1 到 8 个测试集下标</translation>
    </message>
    <message>
        <source>%1 is past the data set&apos;s %2 images</source>
        <translation>%1 超出了数据集的 %2 张图像</translation>
    </message>
    <message>
        <source>the captured push holds %1 examples; %2 rebuilds at most %3 (capture a run with training.batch_size &lt;= %3, or use privacy.attack analytic)</source>
        <translation>截获的推送包含 %1 个样本；%2 最多重建 %3 个（请截获 training.batch_size &lt;= %3 的运行，或使用 privacy.attack analytic）</translation>
    </message>
    <message>
        <source>the capture holds %1 parameters; the spec&apos;s model has %2</source>
        <translation>截获的数据有 %1 个参数；实验配置中的模型有 %2 个</translation>
    </message>
    <message>
        <source>the attack&apos;s lenet5 takes 28x28 images</source>
        <translation>攻击用的 lenet5 只接受 28x28 的图像</translation>
    </message>
    <message>
        <source>%1 is implemented for the MLP only</source>
        <translation>%1 只实现了 MLP 版本</translation>
    </message>
    <message>
        <source>name a defense (privacy.defense) and the strengths to try (privacy.sweep_strengths, e.g. [0.001, 0.01, 0.1])</source>
        <translation>请指定一种防御（privacy.defense）和要尝试的强度（privacy.sweep_strengths，例如 [0.001, 0.01, 0.1]）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; changes the values; secure aggregation&apos;s masks cancel only in the exact words, allowed: float32</source>
        <translation>“%1”会改变数值；安全聚合的掩码只在精确的字中相互抵消，允许：float32</translation>
    </message>
    <message>
        <source>%1 stages need at least %1 layers; the %2 network has %3</source>
        <translation>%1 个阶段至少需要 %1 层；%2 网络只有 %3 层</translation>
    </message>
    <message>
        <source>%1 micro-batches need at least %1 examples a batch; training.batch_size is %2</source>
        <translation>%1 个微批次要求每批至少 %1 个样本；training.batch_size 为 %2</translation>
    </message>
    <message>
        <source>names the first layer of each stage after the first: %1 numbers for %2 stages, %3 given (empty: balanced by cost)</source>
        <translation>列出第一个阶段之后每个阶段的起始层：%2 个阶段需要 %1 个数，给出了 %3 个（留空：按计算量自动均衡）</translation>
    </message>
    <message>
        <source>%1 must rise and stay below %2, the network&apos;s layer count</source>
        <translation>%1 必须递增，且小于网络的层数 %2</translation>
    </message>
    <message>
        <source>%1 shards are more than the %2 neurons of the network&apos;s narrowest layer</source>
        <translation>%1 个分片多于网络最窄一层的 %2 个神经元</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no hidden layer of neurons to choose from; the skeleton partition needs an mlp</source>
        <translation>“%1”没有可供选择神经元的隐藏层；随机骨架划分需要 mlp 网络</translation>
    </message>
    <message>
        <source>%1 clients cannot fill %2 worker processes; allowed: at least %2 clients</source>
        <translation>%1 个客户端不足以分配给 %2 个工作进程；允许：至少 %2 个客户端</translation>
    </message>
    <message>
        <source>a round cannot take %1 of %2 clients; allowed: at most %2</source>
        <translation>一轮不能从 %2 个客户端中抽取 %1 个；允许：至多 %2 个</translation>
    </message>
    <message>
        <source>a round cannot get %1 results from %2 clients; allowed: at most %2</source>
        <translation>一轮无法从 %2 个客户端得到 %1 个结果；允许：最多 %2</translation>
    </message>
    <message>
        <source>is empty; the attack &quot;%1&quot; needs at least one malicious worker rank</source>
        <translation>为空；攻击“%1”至少需要一个恶意工作节点编号</translation>
    </message>
    <message>
        <source>names worker %1 twice; allowed: each rank once</source>
        <translation>两次指定了工作节点 %1；允许：每个编号只出现一次</translation>
    </message>
    <message>
        <source>%1 of %2 workers are malicious; allowed: fewer than half (no rule survives a malicious majority)</source>
        <translation>%2 个工作节点中有 %1 个是恶意的；允许：少于一半（恶意者占多数时任何规则都无法抵御）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; changes class labels; the height-weight data set is a regression</source>
        <translation>“%1”会修改类别标签；身高体重数据集是回归问题</translation>
    </message>
    <message>
        <source>&quot;%1&quot; estimates the honest gradient; it needs a cluster.sync that pushes gradients: bsp, asp or ssp (is &quot;%2&quot;)</source>
        <translation>“%1”需要估计诚实梯度；它需要推送梯度的 cluster.sync：bsp、asp 或 ssp（当前为“%2”）</translation>
    </message>
    <message>
        <source>%1 is not a class of the data set; allowed: 0 to %2</source>
        <translation>%1 不是数据集中的类别；允许：0 到 %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; compares a whole round&apos;s pushes; allowed with a cluster.sync that gathers rounds: bsp or local-sgd (is &quot;%2&quot;)</source>
        <translation>“%1”要比较一整轮的推送；只能用于按轮汇集的 cluster.sync：bsp 或 local-sgd（当前为“%2”）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must see each push; with privacy.secure_aggregation the server sees only their sum (allowed: mean)</source>
        <translation>“%1”必须看到每个推送；启用 privacy.secure_aggregation 时服务器只能看到它们的和（允许：mean）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; combines pushes into one model; cluster.model_aggregation &quot;%2&quot; keeps each (allowed: average)</source>
        <translation>“%1”把推送合成一个模型；cluster.model_aggregation“%2”会保留每个模型（允许：average）</translation>
    </message>
    <message>
        <source>names %1; allowed: 0 to %2 (worker ranks; in a federated run, client ids)</source>
        <translation>指定了 %1；允许：0 到 %2（工作节点编号；联邦学习中为客户端编号）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; with f = %2 needs at least %3 pushes a round; a round has %4 (cluster.workers, or a federated round&apos;s sampled clients)</source>
        <translation>f = %2 时“%1”每轮至少需要 %3 个推送；一轮只有 %4 个（cluster.workers，或联邦学习一轮抽中的客户端数）</translation>
    </message>
    <message>
        <source>names no worker of the run; the property attack needs a victim, allowed: 0 to %1</source>
        <translation>未指定本次运行中的工作节点；属性推理攻击需要一个受害者，允许：0 到 %1</translation>
    </message>
    <message>
        <source>%1 rounds are too few to score the attack; allowed: at least %2</source>
        <translation>%1 轮太少，无法评估攻击；允许：至少 %2</translation>
    </message>
    <message>
        <source>the lesson compares with secure aggregation, whose round sums need cluster.sync &quot;bsp&quot; (is &quot;%1&quot;)</source>
        <translation>本课要与安全聚合比较，而其每轮总和需要 cluster.sync 为“bsp”（当前为“%1”）</translation>
    </message>
    <message>
        <source>the server reads a round&apos;s sum from its step; allowed: training.optimizer sgd with no momentum and no weight decay</source>
        <translation>服务器从其更新步中读出一轮的总和；允许：training.optimizer 为 sgd，且无动量、无权重衰减</translation>
    </message>
    <message>
        <source>&quot;%1&quot; loses nothing to feed back; allowed with a cluster.encoder that changes the values: fp16, int8, topk, randk, qsgd, sign</source>
        <translation>“%1”没有丢失任何信息可供反馈；只能与会改变数值的 cluster.encoder 一起使用：fp16、int8、topk、randk、qsgd、sign</translation>
    </message>
    <message>
        <source>feeds back what a gradient push left out; cluster.sync &quot;%1&quot; pushes models (allowed: bsp, asp, ssp)</source>
        <translation>反馈的是梯度推送遗漏的部分；cluster.sync“%1”推送的是模型（允许：bsp、asp、ssp）</translation>
    </message>
    <message>
        <source>the server&apos;s shadow gradients are plain cross-entropy gradients; allowed: training.loss cross-entropy and adversarial.training none</source>
        <translation>服务器的影子梯度是普通交叉熵梯度；允许：training.loss 为 cross-entropy，且 adversarial.training 为 none</translation>
    </message>
    <message>
        <source>masks a cluster run&apos;s pushes; allowed with experiment cluster, federated or property (or inversion, for its cluster-trained privacy-utility runs), not &quot;%1&quot;</source>
        <translation>对集群运行的推送加掩码；只可用于实验 cluster、federated 或 property（或 inversion 中在集群上训练的隐私-效用运行），不能用于“%1”</translation>
    </message>
    <message>
        <source>the server sees only the round&apos;s sum; %1 needs each client&apos;s update (allowed with secure aggregation: fl.algorithm fedavg or fedprox, fl.late wait or drop, security.aggregator mean)</source>
        <translation>服务器只能看到每一轮的总和；%1 需要每个客户端各自的更新（安全聚合下允许：fl.algorithm 为 fedavg 或 fedprox，fl.late 为 wait 或 drop，security.aggregator 为 mean）</translation>
    </message>
    <message>
        <source>clips every update and averages them; security.aggregator &quot;%1&quot; combines them otherwise (allowed with privacy.dp: mean)</source>
        <translation>会裁剪每个更新并取平均；security.aggregator “%1” 用别的方式合并它们（与 privacy.dp 同用时只允许 mean）</translation>
    </message>
    <message>
        <source>and privacy.secure_aggregation both hide the updates; allowed: one of them</source>
        <translation>与 privacy.secure_aggregation 都用来隐藏更新；只能选其中一个</translation>
    </message>
    <message>
        <source>%1 is not allowed; allowed: an even number of bits</source>
        <translation>%1 不允许；只允许偶数位</translation>
    </message>
    <message>
        <source>clips each worker&apos;s gradient push; cluster.sync &quot;%1&quot; pushes models (allowed: bsp, asp, ssp)</source>
        <translation>会裁剪每个工作节点推送的梯度；cluster.sync “%1” 推送的是模型（允许：bsp、asp、ssp）</translation>
    </message>
    <message>
        <source>central: the server adds noise to a round&apos;s sum; cluster.sync &quot;%1&quot; applies each push on arrival (allowed: bsp; local DP works with any gradient sync)</source>
        <translation>central：服务器向一轮的总和加噪声；cluster.sync “%1” 每收到一次推送就立即应用（允许：bsp；本地差分隐私可用于任何推送梯度的同步方式）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; encodes a client&apos;s update only, and SCAFFOLD&apos;s control variates would travel whole (allowed with fl.algorithm scaffold: float32)</source>
        <translation>“%1” 只编码客户端的更新，SCAFFOLD 的控制变量仍会原样传输（与 fl.algorithm scaffold 同用时只允许 float32）</translation>
    </message>
    <message>
        <source>the key holder decrypts only the sum of a whole round; allowed with a cluster.sync that gathers rounds: bsp or local-sgd (is &quot;%1&quot;)</source>
        <translation>密钥持有者只解密完整一轮的总和；允许的 cluster.sync 须按轮汇集：bsp 或 local-sgd（当前为 &quot;%1&quot;）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; re-encodes the update, but an encrypted push is its own encoding; allowed with privacy.homomorphic: float32</source>
        <translation>&quot;%1&quot; 会重新编码更新，而加密推送本身就是一种编码；与 privacy.homomorphic 一起允许的值：float32</translation>
    </message>
    <message>
        <source>the server cannot read an encrypted push, so there is nothing to capture; allowed with privacy.homomorphic: -1</source>
        <translation>服务器无法读取加密推送，因此没有可截获的内容；与 privacy.homomorphic 一起允许的值：-1</translation>
    </message>
    <message>
        <source>only workers the coordinator starts can be started again; allowed with cluster.launch_workers false: 0</source>
        <translation>只有协调器启动的工作节点才能被重新启动；cluster.launch_workers 为 false 时允许的值：0</translation>
    </message>
    <message>
        <source>a dropped-out worker of a secure-aggregation run cannot return (its mask key is rebuilt by the others); allowed with privacy.secure_aggregation: 0</source>
        <translation>安全聚合运行中掉线的工作节点不能返回（其掩码密钥已由其他节点重建）；启用 privacy.secure_aggregation 时允许的值：0</translation>
    </message>
    <message>
        <source>checkpoints continue a cluster run; allowed with experiment cluster, not &quot;%1&quot; (allowed otherwise: 0)</source>
        <translation>检查点用于继续一次集群运行；允许与实验 cluster 一起使用，而不是 &quot;%1&quot;（其他情况允许：0）</translation>
    </message>
    <message>
        <source>the keys of a secure or homomorphic run live only in its processes, so a checkpoint could not continue it; allowed with privacy.secure_aggregation or privacy.homomorphic: 0</source>
        <translation>安全聚合或同态聚合运行的密钥只存在于其进程中，检查点无法让它继续；与 privacy.secure_aggregation 或 privacy.homomorphic 一起时允许：0</translation>
    </message>
    <message>
        <source>needs a parameter server, and cluster.sync &quot;allreduce&quot; has none (allowed with it: %1)</source>
        <translation>需要参数服务器，而 cluster.sync &quot;allreduce&quot; 没有服务器（与它搭配允许：%1）</translation>
    </message>
    <message>
        <source>only experiment &quot;cluster&quot; trains without a server; allowed with experiment &quot;%1&quot;: bsp, asp, ssp, local-sgd</source>
        <translation>只有实验 &quot;cluster&quot; 能在没有服务器时训练；实验 &quot;%1&quot; 允许：bsp、asp、ssp、local-sgd</translation>
    </message>
    <message>
        <source>neurons balances the stages by cost; allowed with it: model_parallel.boundaries empty</source>
        <translation>neurons 按估算工作量平衡各阶段；与它同用时允许：model_parallel.boundaries 为空</translation>
    </message>
    <message>
        <source>[%1, %2] overflows the first forward pass; allowed: bounds from -%3 to %3</source>
        <translation>[%1, %2] 会让第一次前向传播溢出；允许：上下界在 -%3 到 %3 之间</translation>
    </message>
    <message>
        <source>%1 is not a worker; allowed: -1 (none) to %2</source>
        <translation>%1 不是工作节点；允许：-1（不截获）到 %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address; allowed: an IPv4 or IPv6 address, e.g. 127.0.0.1 or 0.0.0.0</source>
        <translation>“%1”不是 IP 地址；允许：IPv4 或 IPv6 地址，例如 127.0.0.1 或 0.0.0.0</translation>
    </message>
    <message>
        <source>%1 picks; allowed: 0 (n - f) to %2, the pushes a round minus the attackers assumed</source>
        <translation>选 %1 个；允许：0（n - f）到 %2，即每轮的推送数减去假定的攻击者数</translation>
    </message>
    <message>
        <source>%1 clients for %2 people; allowed: at most %2, each client holds someone</source>
        <translation>%2 个人分给 %1 个客户端；允许：最多 %2 个，每个客户端至少有一个人</translation>
    </message>
    <message>
        <source>%1 parts of %2 training rows would leave some without data; allowed: at most %3 (or more rows: dataset.samples, dataset.train_limit)</source>
        <translation>把 %2 行训练数据分成 %1 份会让有的部分没有数据；允许：最多 %3 份（或增加行数：dataset.samples、dataset.train_limit）</translation>
    </message>
</context>
<context>
    <name>SpecSchema</name>
    <message>
        <source>Combine pushes by</source>
        <translation>推送的合并方式</translation>
    </message>
    <message>
        <source>weighted-mean: each worker&apos;s update counts by its number of examples (the gradient of all the data); mean: every worker counts the same, which is wrong when their data sizes differ.</source>
        <translation>weighted-mean（加权平均）：每个工作节点的更新按其样本数计权（即全部数据的梯度）；mean（简单平均）：每个节点权重相同，当各节点数据量不同时这是错误的。</translation>
    </message>
    <message>
        <source>Bandwidth per worker</source>
        <translation>各节点带宽</translation>
    </message>
    <message>
        <source>A slow link: e.g. 100, 0, 0, 0 caps worker 0&apos;s link (0 or empty: no cap).</source>
        <translation>慢速链路：例如 100, 0, 0, 0 限制工作节点 0 的带宽（0 或留空：不限）。</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>监听地址</translation>
    </message>
    <message>
        <source>The address the coordinator listens on: 127.0.0.1 for this machine only, 0.0.0.0 for workers on other machines.</source>
        <translation>协调器监听的地址：127.0.0.1 只允许本机连接，0.0.0.0 允许其他机器上的工作节点连接。</translation>
    </message>
    <message>
        <source>Capacities</source>
        <translation>节点容量</translation>
    </message>
    <message>
        <source>with-replacement (and lesson 1&apos;s client sizes): each worker&apos;s relative share of the data, e.g. 2, 1 (empty: equal shares).</source>
        <translation>with-replacement（以及第 1 课的客户端规模）：每个工作节点所占数据的相对份额，例如 2, 1（留空：均等）。</translation>
    </message>
    <message>
        <source>Dirichlet alpha</source>
        <translation>Dirichlet α</translation>
    </message>
    <message>
        <source>dirichlet partitioning: small values give each worker few classes (non-IID).</source>
        <translation>dirichlet 划分：取值越小，每个节点拥有的类别越少（非独立同分布）。</translation>
    </message>
    <message>
        <source>True-label weight</source>
        <translation>真实标签权重</translation>
    </message>
    <message>
        <source>ensemble-compression: the weight of the true labels&apos; loss beside the soft targets.</source>
        <translation>ensemble-compression：在软目标之外，真实标签损失所占的权重。</translation>
    </message>
    <message>
        <source>Distillation steps</source>
        <translation>蒸馏步数</translation>
    </message>
    <message>
        <source>ensemble-compression: the student&apos;s SGD steps per round.</source>
        <translation>ensemble-compression：学生模型每轮的 SGD 步数。</translation>
    </message>
    <message>
        <source>Distillation temperature</source>
        <translation>蒸馏温度</translation>
    </message>
    <message>
        <source>ensemble-compression: how much the ensemble&apos;s soft targets are softened.</source>
        <translation>ensemble-compression：集成的软目标被软化的程度。</translation>
    </message>
    <message>
        <source>Draws</source>
        <translation>采样倍数</translation>
    </message>
    <message>
        <source>with-replacement: examples drawn in all, as a multiple of the training set.</source>
        <translation>with-replacement：总共抽取的样本数，以训练集大小的倍数表示。</translation>
    </message>
    <message>
        <source>Evaluate every</source>
        <translation>评估间隔</translation>
    </message>
    <message>
        <source>Test the global model after this many server updates.</source>
        <translation>服务器每完成这么多次更新，就在测试集上评估一次全局模型。</translation>
    </message>
    <message>
        <source>Handshake timeout</source>
        <translation>握手超时</translation>
    </message>
    <message>
        <source>The time a new connection has to prove it knows the run&apos;s token.</source>
        <translation>新连接必须在这段时间内证明自己知道本次运行的令牌。</translation>
    </message>
    <message>
        <source>Heartbeat</source>
        <translation>心跳间隔</translation>
    </message>
    <message>
        <source>How often a worker says it is alive.</source>
        <translation>工作节点多久报告一次自己仍然存活。</translation>
    </message>
    <message>
        <source>Join timeout</source>
        <translation>加入超时</translation>
    </message>
    <message>
        <source>How long the coordinator waits for every worker to join.</source>
        <translation>协调器等待所有工作节点加入的时长。</translation>
    </message>
    <message>
        <source>Start the workers</source>
        <translation>启动工作节点</translation>
    </message>
    <message>
        <source>Start the worker processes here; off: wait for workers started by hand on other machines.</source>
        <translation>在本机启动工作进程；关闭时：等待在其他机器上手动启动的工作节点。</translation>
    </message>
    <message>
        <source>Local steps</source>
        <translation>本地步数</translation>
    </message>
    <message>
        <source>local-sgd: steps each worker takes between two model averages.</source>
        <translation>local-sgd：两次模型平均之间每个节点走的步数。</translation>
    </message>
    <message>
        <source>Combine models by</source>
        <translation>模型的合并方式</translation>
    </message>
    <message>
        <source>local-sgd: what the server makes of the round&apos;s models: average (MA-DNN), ensemble (E-DNN: their mean prediction) or ensemble-compression (EC-DNN: the ensemble distilled into one model).</source>
        <translation>local-sgd：服务器如何处理一轮中的各个模型：average（MA-DNN，模型平均）、ensemble（E-DNN：取它们预测的平均）或 ensemble-compression（EC-DNN：把集成蒸馏成一个模型）。</translation>
    </message>
    <message>
        <source>Data partitioning</source>
        <translation>数据划分</translation>
    </message>
    <message>
        <source>Peer timeout</source>
        <translation>节点超时</translation>
    </message>
    <message>
        <source>Silence after which a worker counts as dead.</source>
        <translation>工作节点沉默多久后被视为死亡。</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>The port the coordinator listens on (0: any free port).</source>
        <translation>协调器监听的端口（0：任意空闲端口）。</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Reshuffle every</source>
        <translation>重新置乱间隔</translation>
    </message>
    <message>
        <source>Draw a new split every this many epochs (the lecture&apos;s periodic reshuffle).</source>
        <translation>每隔这么多轮重新划分一次（讲义中的定期置乱）。</translation>
    </message>
    <message>
        <source>Shards per worker</source>
        <translation>每节点分片数</translation>
    </message>
    <message>
        <source>shards partitioning: how many label-sorted shards each worker gets.</source>
        <translation>shards 划分：每个工作节点分到多少个按标签排序的分片。</translation>
    </message>
    <message>
        <source>Slowdown per worker</source>
        <translation>各节点减速倍数</translation>
    </message>
    <message>
        <source>A straggler: e.g. 3, 1, 1, 1 makes worker 0 compute three times slower (empty: none).</source>
        <translation>掉队者：例如 3, 1, 1, 1 让工作节点 0 计算慢三倍（留空：无）。</translation>
    </message>
    <message>
        <source>Staleness bound</source>
        <translation>延迟上限</translation>
    </message>
    <message>
        <source>ssp: how many steps a worker may be ahead of the slowest.</source>
        <translation>ssp：一个工作节点最多可以领先最慢节点多少步。</translation>
    </message>
    <message>
        <source>Synchronization</source>
        <translation>同步方式</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>工作节点数</translation>
    </message>
    <message>
        <source>Worker processes; each trains on its own part of the data.</source>
        <translation>工作进程数；每个进程在自己那部分数据上训练。</translation>
    </message>
    <message>
        <source>Blob classes</source>
        <translation>blobs 类别数</translation>
    </message>
    <message>
        <source>blobs: how many classes of points.</source>
        <translation>blobs：数据点分成多少个类别。</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>The examples every worker learns from.</source>
        <translation>所有工作节点学习所用的样本。</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Synthetic sets: how noisy the examples are.</source>
        <translation>合成数据集：样本的噪声大小。</translation>
    </message>
    <message>
        <source>Normalization</source>
        <translation>归一化</translation>
    </message>
    <message>
        <source>standardize: every feature shifted and scaled by the training set&apos;s mean and deviation; none: as stored.</source>
        <translation>standardize：每个特征都按训练集的均值和标准差进行平移和缩放；none：保持原样。</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>The folder of the data set&apos;s files; empty: where Debian&apos;s package puts them (cifar10 needs one).</source>
        <translation>数据集文件所在的文件夹；留空：使用 Debian 软件包存放的位置（cifar10 必须指定）。</translation>
    </message>
    <message>
        <source>Synthetic examples</source>
        <translation>合成样本数</translation>
    </message>
    <message>
        <source>Synthetic sets (height-weight, blobs, spirals): examples in all (0: the set&apos;s default).</source>
        <translation>合成数据集（height-weight、blobs、spirals）：样本总数（0：该数据集的默认值）。</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Test share</source>
        <translation>测试比例</translation>
    </message>
    <message>
        <source>Synthetic sets: the share of the examples held out for testing.</source>
        <translation>合成数据集：留作测试的样本比例。</translation>
    </message>
    <message>
        <source>Test examples</source>
        <translation>测试样本数</translation>
    </message>
    <message>
        <source>Test on only the first N test examples (0: all of them).</source>
        <translation>只在前 N 个测试样本上测试（0：全部）。</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Training examples</source>
        <translation>训练样本数</translation>
    </message>
    <message>
        <source>Use only the first N training examples (0: all of them).</source>
        <translation>只使用前 N 个训练样本（0：全部）。</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>What the experiment shows, in a few sentences.</source>
        <translation>用几句话说明这个实验展示了什么。</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>What a run does: cluster trains on a real cluster; averaging (lesson 1), aggregation and convexity (lesson 5) and inversion (lesson 7) are the lessons&apos; own experiments.</source>
        <translation>一次运行做什么：cluster 在真实集群上训练；averaging（第 1 课）、aggregation 和 convexity（第 5 课）以及 inversion（第 7 课）是各课自己的实验。</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>The nonlinearity after each hidden layer.</source>
        <translation>每个隐藏层之后的非线性函数。</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>mlp: fully connected layers; lenet5: a small convolutional network; linear: one layer (the lecture&apos;s linear regression).</source>
        <translation>mlp：全连接网络；lenet5：小型卷积网络；linear：单层（讲义中的线性回归）。</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>Units of each hidden layer of the mlp, e.g. 256, 128.</source>
        <translation>mlp 每个隐藏层的单元数，例如 256, 128。</translation>
    </message>
    <message>
        <source>Initialization</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>How the first weights are drawn: he and xavier scale by the layer&apos;s size; uniform draws from the uniform range.</source>
        <translation>初始权重的抽取方式：he 和 xavier 按层的大小缩放；uniform 在“均匀分布范围”内均匀抽取。</translation>
    </message>
    <message>
        <source>Uniform range</source>
        <translation>均匀分布范围</translation>
    </message>
    <message>
        <source>uniform initialization: the weights&apos; low and high bound.</source>
        <translation>uniform 初始化：权重的下界和上界。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>The experiment&apos;s title, shown above the charts and in reports.</source>
        <translation>实验的标题，显示在图表上方和报告中。</translation>
    </message>
    <message>
        <source>Attack</source>
        <translation>攻击</translation>
    </message>
    <message>
        <source>How the server rebuilds the images from a gradient: dlg fits dummy images and labels, idlg reads the label first, analytic inverts a first dense layer exactly.</source>
        <translation>服务器如何从梯度重建图像：dlg 拟合虚拟图像和标签，idlg 先推断出标签，analytic 精确地反解第一个全连接层。</translation>
    </message>
    <message>
        <source>Attack a capture</source>
        <translation>攻击截获的推送</translation>
    </message>
    <message>
        <source>Attack the push captured in this folder instead of the test images.</source>
        <translation>攻击保存在此文件夹中的截获推送，而不是测试图像。</translation>
    </message>
    <message>
        <source>Capture step</source>
        <translation>截获步</translation>
    </message>
    <message>
        <source>Capture worker</source>
        <translation>截获节点</translation>
    </message>
    <message>
        <source>The server keeps this worker&apos;s push of the capture step for the attack (-1: none), as an honest-but-curious server would.</source>
        <translation>服务器为攻击保存该工作节点在截获步的推送（-1：无），就像诚实但好奇的服务器会做的那样。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Clip norm</source>
        <translation>裁剪范数</translation>
    </message>
    <message>
        <source>dp: each example&apos;s gradient is clipped to this L2 norm.</source>
        <translation>dp：每个样本的梯度被裁剪到这个 L2 范数。</translation>
    </message>
    <message>
        <source>Defense</source>
        <translation>防御</translation>
    </message>
    <message>
        <source>What the worker does to its gradient before sharing it: noise, topk (prune the smallest), fp16 or int8 (round), dp (clip each example and add noise), local-steps (share a model after several steps).</source>
        <translation>工作节点在共享梯度之前对它做什么：noise（加噪声）、topk（剪掉最小的分量）、fp16 或 int8（舍入）、dp（逐样本裁剪并加噪声）、local-steps（走若干步之后共享模型）。</translation>
    </message>
    <message>
        <source>Defense strength</source>
        <translation>防御强度</translation>
    </message>
    <message>
        <source>noise: its standard deviation; topk: the share pruned; dp: the noise multiplier; local-steps: the steps.</source>
        <translation>noise：噪声的标准差；topk：剪掉的比例；dp：噪声倍数；local-steps：步数。</translation>
    </message>
    <message>
        <source>Gradient distance</source>
        <translation>梯度距离</translation>
    </message>
    <message>
        <source>How the attack compares its dummy gradient with the shared one.</source>
        <translation>攻击如何比较它的虚拟梯度与共享的梯度。</translation>
    </message>
    <message>
        <source>Attacked images</source>
        <translation>被攻击图像</translation>
    </message>
    <message>
        <source>Test-set indices of the private images, attacked together as one batch (1 to 8).</source>
        <translation>私有图像在测试集中的编号，作为一个批次一起被攻击（1 到 8 个）。</translation>
    </message>
    <message>
        <source>Attack iterations</source>
        <translation>攻击迭代次数</translation>
    </message>
    <message>
        <source>The attack&apos;s optimizer iterations per start.</source>
        <translation>每次启动时攻击优化器的迭代次数。</translation>
    </message>
    <message>
        <source>Attack step size</source>
        <translation>攻击步长</translation>
    </message>
    <message>
        <source>adam: the attack&apos;s step size.</source>
        <translation>adam：攻击的步长。</translation>
    </message>
    <message>
        <source>Attack optimizer</source>
        <translation>攻击优化器</translation>
    </message>
    <message>
        <source>How the attack fits its dummy images: lbfgs (as in the DLG paper) or adam.</source>
        <translation>攻击如何拟合虚拟图像：lbfgs（与 DLG 论文相同）或 adam。</translation>
    </message>
    <message>
        <source>Attack restarts</source>
        <translation>攻击重启次数</translation>
    </message>
    <message>
        <source>Independent starts of the attack; the best match wins.</source>
        <translation>攻击的独立启动次数；取匹配最好的一次。</translation>
    </message>
    <message>
        <source>Secure aggregation</source>
        <translation>安全聚合</translation>
    </message>
    <message>
        <source>Strengths to compare</source>
        <translation>对比的强度</translation>
    </message>
    <message>
        <source>The privacy-utility chart: the defense strengths tried after none, e.g. 0.001, 0.01, 0.1.</source>
        <translation>隐私-效用图：在无防御之后依次尝试的防御强度，例如 0.001, 0.01, 0.1。</translation>
    </message>
    <message>
        <source>Smoothness prior</source>
        <translation>平滑先验</translation>
    </message>
    <message>
        <source>The weight of a total-variation prior that favours smooth images (0: none).</source>
        <translation>偏好平滑图像的全变分先验的权重（0：无）。</translation>
    </message>
    <message>
        <source>Utility measured</source>
        <translation>效用测量方式</translation>
    </message>
    <message>
        <source>Where the defended model is trained for the privacy-utility chart: in-process (fast) or on a real cluster of this spec, every worker defending its pushes.</source>
        <translation>隐私-效用图中受防御模型在哪里训练：in-process（快）或按本实验配置在真实集群上训练，每个工作节点都对自己的推送施加防御。</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Every random choice (first weights, data order, splits) follows from it: the same seed gives the same run.</source>
        <translation>所有随机选择（初始权重、数据顺序、划分）都由它决定：相同的种子得到相同的运行。</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Examples in one worker&apos;s mini-batch: one gradient per push.</source>
        <translation>一个工作节点小批量中的样本数：每次推送（PUSH）一个梯度。</translation>
    </message>
    <message>
        <source>Adam beta1</source>
        <translation>Adam β1</translation>
    </message>
    <message>
        <source>adam: how slowly the mean of the gradients forgets.</source>
        <translation>adam：梯度均值的衰减率，越大遗忘越慢。</translation>
    </message>
    <message>
        <source>Adam beta2</source>
        <translation>Adam β2</translation>
    </message>
    <message>
        <source>adam: how slowly the mean of their squares forgets.</source>
        <translation>adam：梯度平方均值的衰减率，越大遗忘越慢。</translation>
    </message>
    <message>
        <source>Drop last batch</source>
        <translation>丢弃最后一批</translation>
    </message>
    <message>
        <source>Skip an epoch&apos;s last batch when it is smaller than the batch size.</source>
        <translation>当一轮的最后一批小于批大小时跳过它。</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Passes of every worker over its share of the data.</source>
        <translation>每个工作节点遍历自己那份数据的次数。</translation>
    </message>
    <message>
        <source>Adam epsilon</source>
        <translation>Adam ε</translation>
    </message>
    <message>
        <source>adam: added to the denominator so a step never divides by zero.</source>
        <translation>adam：加到分母上的小数，使每一步都不会除以零。</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>cross-entropy for classes; mse (mean squared error) for a regression such as height-weight.</source>
        <translation>cross-entropy（交叉熵）用于分类；mse（均方误差）用于 height-weight 这样的回归问题。</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>The step size (lambda in the lecture).</source>
        <translation>步长（讲义中的 λ）。</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>sgd: heavy-ball momentum (0: none).</source>
        <translation>sgd：重球动量（0：无）。</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>How the parameter server turns averaged gradients into a step.</source>
        <translation>参数服务器如何把平均后的梯度变成一次更新。</translation>
    </message>
    <message>
        <source>Shuffle</source>
        <translation>置乱</translation>
    </message>
    <message>
        <source>Visit the training examples in a new order every epoch.</source>
        <translation>每轮以新的顺序遍历训练样本。</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>An L2 penalty added to the gradient, as in PyTorch.</source>
        <translation>加到梯度上的 L2 惩罚项，与 PyTorch 的做法相同。</translation>
    </message>
    <message>
        <source>Spec version</source>
        <translation>配置版本</translation>
    </message>
    <message>
        <source>The version of the spec format; this build reads version 1.</source>
        <translation>实验配置格式的版本号；当前程序读取版本 1。</translation>
    </message>
    <message>
        <source>Update encoding</source>
        <translation>更新的编码</translation>
    </message>
    <message>
        <source>Stage boundaries</source>
        <translation>阶段边界</translation>
    </message>
    <message>
        <source>The first layer of each stage after the first, e.g. 2, 4 (empty: balanced by estimated cost).</source>
        <translation>第一个阶段之后每个阶段的起始层，例如 2, 4（留空：按估计的计算量自动均衡）。</translation>
    </message>
    <message>
        <source>Test the model assembled from the stages after this many updates.</source>
        <translation>每隔这么多次更新，把各阶段的参数拼成完整模型并在测试集上评估。</translation>
    </message>
    <message>
        <source>Micro-batches</source>
        <translation>微批次数</translation>
    </message>
    <message>
        <source>A batch is cut into this many micro-batches so the stages can work at once; the gradients are summed and one update is made per batch.</source>
        <translation>一个批次被切成这么多个微批次，使各阶段能同时工作；梯度累加，每个批次只做一次更新。</translation>
    </message>
    <message>
        <source>Partitioning</source>
        <translation>划分方式</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>调度方式</translation>
    </message>
    <message>
        <source>gpipe: every micro-batch forward, then every one backward; 1f1b: one forward, one backward once the pipeline is full, which holds fewer activations.</source>
        <translation>gpipe：先让所有微批次前向，再全部反向；1f1b：流水线填满后前向与反向交替进行，需要保存的激活值更少。</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>阶段数</translation>
    </message>
    <message>
        <source>Stage processes, each owning consecutive layers of the network.</source>
        <translation>阶段进程的个数，每个进程拥有网络中连续的若干层。</translation>
    </message>
    <message>
        <source>Updates</source>
        <translation>更新次数</translation>
    </message>
    <message>
        <source>Updates in all (0: training.epochs passes over the training set).</source>
        <translation>总的更新次数（0：按 training.epochs 遍历训练集）。</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>按轮数</translation>
    </message>
    <message>
        <source>Bubble study: micro-batches</source>
        <translation>气泡测量：微批次数</translation>
    </message>
    <message>
        <source>The micro-batch counts the bubble study measures for each stage count.</source>
        <translation>气泡测量中，对每个阶段数要测的各个微批次数。</translation>
    </message>
    <message>
        <source>Bubble study: stages</source>
        <translation>气泡测量：阶段数</translation>
    </message>
    <message>
        <source>The stage counts the bubble study measures after training.</source>
        <translation>训练结束后气泡测量要测的各个阶段数。</translation>
    </message>
    <message>
        <source>Bubble study: updates</source>
        <translation>气泡测量：更新次数</translation>
    </message>
    <message>
        <source>Updates per pair of the bubble study, which measures the idle share of every stage beside the theory (p-1)/(m+p-1) (0: no study).</source>
        <translation>气泡测量中每组配置运行的更新次数；测量每个阶段的空闲比例，并与理论值 (p-1)/(m+p-1) 对照（0：不测量）。</translation>
    </message>
    <message>
        <source>Shards</source>
        <translation>分片数</translation>
    </message>
    <message>
        <source>How the network is split over processes: pipeline gives each stage consecutive layers (by layers) and stages pass activations forward and errors back; tensor gives each shard a block of every layer&apos;s neurons (within layers) and shards gather each layer&apos;s outputs and sum its input errors; skeleton gives each worker a sub-network (a skeleton of important neurons plus random ones) to train, and merges them.</source>
        <translation>网络如何分给各进程：pipeline（流水线，按层划分）让每个阶段拥有连续的若干层，阶段之间向前传激活值、向后传误差；tensor（层内划分）让每个分片拥有每一层中的一块神经元，各分片汇集每层的输出并把输入误差相加；skeleton（随机骨架划分）给每个工作节点一个子网络（重要神经元组成的骨架加上随机选取的神经元）去训练，再把它们合并。</translation>
    </message>
    <message>
        <source>Reselect every</source>
        <translation>重新选择间隔</translation>
    </message>
    <message>
        <source>skeleton: rounds between two choices of the skeleton and the sub-networks.</source>
        <translation>skeleton：两次选择骨架与子网络之间相隔的轮数。</translation>
    </message>
    <message>
        <source>Random share</source>
        <translation>随机比例</translation>
    </message>
    <message>
        <source>skeleton: share of the other neurons each worker adds to the skeleton, drawn at random for each worker (1: the whole network, which is model averaging).</source>
        <translation>skeleton：每个工作节点在骨架之外再随机加入的其余神经元的比例，每个节点各自抽取（1：整个网络，即模型平均）。</translation>
    </message>
    <message>
        <source>Skeleton share</source>
        <translation>骨架比例</translation>
    </message>
    <message>
        <source>skeleton: share of each hidden layer&apos;s neurons in the skeleton every worker trains (the most important: the largest incoming times outgoing weights).</source>
        <translation>skeleton：每个隐藏层中属于骨架（每个工作节点都训练）的神经元比例；选最重要的，即输入权重与输出权重的范数之积最大的那些。</translation>
    </message>
    <message>
        <source>tensor: processes, each holding a block of every layer&apos;s neurons (channels); skeleton: workers, each training a sub-network on its share of the data.</source>
        <translation>tensor：进程个数，每个进程持有每一层中的一块神经元（卷积层为通道）；skeleton：工作节点个数，每个节点在自己那份数据上训练一个子网络。</translation>
    </message>
    <message>
        <source>Client rule</source>
        <translation>客户端规则</translation>
    </message>
    <message>
        <source>fedavg: plain local SGD; fedprox: plus mu/2 ||w - w_global||^2, which keeps a client near the global model; scaffold: each step corrected by control variates, which removes the drift of non-IID clients.</source>
        <translation>fedavg：普通的本地 SGD；fedprox：再加上 mu/2 ||w - w_global||^2，使客户端留在全局模型附近；scaffold：每一步用控制变量修正，消除非独立同分布客户端的漂移。</translation>
    </message>
    <message>
        <source>Server beta1</source>
        <translation>服务器 beta1</translation>
    </message>
    <message>
        <source>fedavgm&apos;s momentum; the adaptive optimizers&apos; first-moment rate.</source>
        <translation>fedavgm 的动量；自适应优化器的一阶矩系数。</translation>
    </message>
    <message>
        <source>Server beta2</source>
        <translation>服务器 beta2</translation>
    </message>
    <message>
        <source>fedadam and fedyogi: the second-moment rate.</source>
        <translation>fedadam 与 fedyogi：二阶矩系数。</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户端数</translation>
    </message>
    <message>
        <source>Simulated clients, each owning its share of the training data (split by cluster.partition); the worker processes host them.</source>
        <translation>模拟的客户端，各自拥有一份训练数据（按 cluster.partition 划分）；由工作进程托管。</translation>
    </message>
    <message>
        <source>Test the global model after this many rounds.</source>
        <translation>每隔这么多轮测试一次全局模型。</translation>
    </message>
    <message>
        <source>Clients a round</source>
        <translation>每轮客户端比例</translation>
    </message>
    <message>
        <source>The share of the clients sampled at random to train each round.</source>
        <translation>每一轮随机抽取参与训练的客户端比例。</translation>
    </message>
    <message>
        <source>SGD steps a sampled client takes on its own data before it sends its model back.</source>
        <translation>被抽中的客户端在发回模型之前，在自己的数据上执行的 SGD 步数。</translation>
    </message>
    <message>
        <source>At least</source>
        <translation>至少</translation>
    </message>
    <message>
        <source>A round samples at least this many clients.</source>
        <translation>每一轮至少抽取这么多个客户端。</translation>
    </message>
    <message>
        <source>Proximal weight mu</source>
        <translation>近端项权重 mu</translation>
    </message>
    <message>
        <source>fedprox: the weight of the proximal term (0: FedAvg).</source>
        <translation>fedprox：近端项的权重（0 即 FedAvg）。</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Rounds of sampling, local training and aggregation.</source>
        <translation>抽样、本地训练与聚合的轮数。</translation>
    </message>
    <message>
        <source>Server step</source>
        <translation>服务器步长</translation>
    </message>
    <message>
        <source>The server optimizer&apos;s step size (fedavg with 1: the weighted mean of the clients&apos; models).</source>
        <translation>服务器优化器的步长（fedavg 取 1 时即客户端模型的加权平均）。</translation>
    </message>
    <message>
        <source>Server optimizer</source>
        <translation>服务器优化器</translation>
    </message>
    <message>
        <source>How the server moves the global model by the clients&apos; weighted mean update: fedavg (by it), fedavgm (with momentum), fedadagrad, fedadam, fedyogi (adaptive steps, Reddi et al.).</source>
        <translation>服务器如何按客户端的加权平均更新移动全局模型：fedavg（直接移动）、fedavgm（带动量）、fedadagrad、fedadam、fedyogi（自适应步长，Reddi 等）。</translation>
    </message>
    <message>
        <source>Server tau</source>
        <translation>服务器 tau</translation>
    </message>
    <message>
        <source>The adaptive optimizers&apos; smallest denominator: larger is more cautious.</source>
        <translation>自适应优化器分母的下限：越大越保守。</translation>
    </message>
    <message>
        <source>shuffle-split: every example goes to exactly one worker; with-replacement: each worker samples at random, some examples are never seen; dirichlet and shards: non-IID splits by label; quantity-skew: parts of very different sizes.</source>
        <translation>shuffle-split：每个样本恰好分给一个工作节点；with-replacement：每个工作节点随机有放回抽样，有些样本永远不会被看到；dirichlet 与 shards：按标签的非独立同分布划分；quantity-skew：各部分大小差别很大。</translation>
    </message>
    <message>
        <source>Size spread</source>
        <translation>大小离散度</translation>
    </message>
    <message>
        <source>quantity-skew partitioning: how unequal the parts&apos; sizes are (log-normal; 0: equal, 1: the largest often ten times the smallest).</source>
        <translation>quantity-skew 划分：各部分大小有多不均（对数正态；0 为相等，1 时最大的常是最小的十倍）。</translation>
    </message>
    <message>
        <source>Online chance</source>
        <translation>在线概率</translation>
    </message>
    <message>
        <source>The chance that a client is online in a round; the server samples only online clients (1: always online).</source>
        <translation>客户端在某一轮在线的概率；服务器只从在线的客户端中抽取（1：始终在线）。</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>How long a round waits, in round times of a client of slowdown 1: a client with a larger slowdown is late.</source>
        <translation>一轮等待多久，以减速倍数为 1 的客户端完成一轮的时间为单位：减速倍数更大的客户端就会迟到。</translation>
    </message>
    <message>
        <source>Drop-out chance</source>
        <translation>掉线概率</translation>
    </message>
    <message>
        <source>The chance that a sampled client goes offline in the middle of its round: its work is lost; it may be sampled again later.</source>
        <translation>被抽中的客户端在本轮中途掉线的概率：它的工作白做了；之后它仍可能再被抽中。</translation>
    </message>
    <message>
        <source>Late clients</source>
        <translation>迟到的客户端</translation>
    </message>
    <message>
        <source>What a round does with clients slower than the deadline: wait for them; drop their updates; or use them in the next round (stale by one round).</source>
        <translation>一轮如何对待赶不上截止时间的客户端：等待它们（wait）；丢弃它们的更新（drop）；或在下一轮使用（next，过时一轮）。</translation>
    </message>
    <message>
        <source>Fewest results</source>
        <translation>最少结果数</translation>
    </message>
    <message>
        <source>A round moves the global model only with at least this many client updates.</source>
        <translation>一轮至少收到这么多客户端更新，才会更新全局模型。</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>重试次数</translation>
    </message>
    <message>
        <source>retry: how many new samples a round tries before it is skipped.</source>
        <translation>retry：一轮在被跳过之前重新抽样的次数。</translation>
    </message>
    <message>
        <source>Speed spread</source>
        <translation>速度差异</translation>
    </message>
    <message>
        <source>Clients&apos; slowdowns are log-normal with this sigma around 1 (0: all equally fast); a client keeps its speed for the whole run.</source>
        <translation>客户端的减速倍数服从以 1 为中心、sigma 为此值的对数正态分布（0：一样快）；每个客户端在整个运行中保持自己的速度。</translation>
    </message>
    <message>
        <source>Listed slowdowns</source>
        <translation>列出的减速倍数</translation>
    </message>
    <message>
        <source>Each client&apos;s slowdown, repeated over the clients (e.g. 1, 1, 4: every third is four times slower); not empty: used instead of the speed spread.</source>
        <translation>每个客户端的减速倍数，在客户端上循环使用（例如 1, 1, 4：每第三个客户端慢四倍）；不为空时代替速度差异。</translation>
    </message>
    <message>
        <source>Too few results</source>
        <translation>结果太少时</translation>
    </message>
    <message>
        <source>A round with fewer results: retry samples other clients; skip leaves the model as it was and goes to the next round.</source>
        <translation>一轮的结果不够时：retry 重新抽取其他客户端；skip 保持模型不变，进入下一轮。</translation>
    </message>
    <message>
        <source>Compare the rules</source>
        <translation>比较各规则</translation>
    </message>
    <message>
        <source>After the run, the same rounds on the same seed and clients with the other client rules (fedavg, fedprox, scaffold) and with IID data (shuffle-split): their test accuracy round by round, overlaid in the Federated tab.</source>
        <translation>运行结束后，用相同的随机种子和客户端，以其他客户端规则（fedavg、fedprox、scaffold）以及独立同分布数据（shuffle-split）重跑相同的轮数：它们逐轮的测试准确率叠加显示在“联邦学习”标签页中。</translation>
    </message>
    <message>
        <source>Local epochs</source>
        <translation>本地轮数</translation>
    </message>
    <message>
        <source>Passes over its own data a sampled client makes each round (McMahan&apos;s E), in batches of training.batch_size; 0: fl.local_steps steps instead.</source>
        <translation>被抽中的客户端每一轮在自己的数据上遍历的次数（McMahan 的 E），按 training.batch_size 分批；0：改为走 fl.local_steps 步。</translation>
    </message>
    <message>
        <source>use local steps</source>
        <translation>按本地步数</translation>
    </message>
    <message>
        <source>Clients a round (count)</source>
        <translation>每轮客户端数（个数）</translation>
    </message>
    <message>
        <source>How many of the online clients are sampled each round, instead of a share of them (0: the share fl.fraction).</source>
        <translation>每轮从在线客户端中抽取多少个，代替按比例抽取（0：按比例 fl.fraction）。</translation>
    </message>
    <message>
        <source>use the share</source>
        <translation>按比例</translation>
    </message>
    <message>
        <source>Clients&apos; batch sizes</source>
        <translation>各客户端的批大小</translation>
    </message>
    <message>
        <source>Each client&apos;s own batch size, repeated over the clients (e.g. 10, 50: every other client takes batches of 50); empty: training.batch_size for every client.</source>
        <translation>每个客户端自己的批大小，在客户端上循环使用（例如 10, 50：每隔一个客户端用 50 的批）；为空：所有客户端都用 training.batch_size。</translation>
    </message>
    <message>
        <source>Transport on this machine</source>
        <translation>本机传输方式</translation>
    </message>
    <message>
        <source>How parameters and updates reach a worker on this machine: shared-memory sends each frame&apos;s fields over TCP and leaves its floats in memory both processes map (fewer copies, as MPI and NCCL do between local processes); tcp sends every byte through the socket. Workers on other machines always use TCP. The traffic view counts the same bytes either way.</source>
        <translation>参数和更新如何到达本机上的工作节点：shared-memory 通过 TCP 发送每帧的字段，把其中的浮点数留在两个进程共同映射的内存里（复制更少，MPI 和 NCCL 在本机进程之间也是这样做的）；tcp 让每个字节都走套接字。其他机器上的工作节点总是用 TCP。两种方式下流量视图统计的字节数相同。</translation>
    </message>
    <message>
        <source>Server&apos;s rule</source>
        <translation>服务器规则</translation>
    </message>
    <message>
        <source>How the server combines a round&apos;s pushes: the mean, or a rule that resists malicious pushes (coordinate-wise median or trimmed mean; Krum, Multi-Krum and Bulyan leave out far pushes; norm and centred clipping bound them); bsp or local-sgd.</source>
        <translation>服务器如何合并一轮的推送：平均，或能抵御恶意推送的规则（逐坐标中位数或截尾均值；Krum、Multi-Krum 和 Bulyan 剔除离群推送；范数裁剪与中心化裁剪限制其大小）；适用于 bsp 或 local-sgd。</translation>
    </message>
    <message>
        <source>Attackers assumed (f)</source>
        <translation>假定攻击者数 (f)</translation>
    </message>
    <message>
        <source>How many malicious pushes Krum, Multi-Krum and Bulyan are built to survive (-1: as many as there are attackers); Krum needs 2f + 3 workers, Bulyan 4f + 3.</source>
        <translation>Krum、Multi-Krum 和 Bulyan 设计上能容忍的恶意推送数（-1：与攻击者人数相同）；Krum 需要 2f + 3 个工作节点，Bulyan 需要 4f + 3 个。</translation>
    </message>
    <message>
        <source>the attackers</source>
        <translation>攻击者人数</translation>
    </message>
    <message>
        <source>What the malicious workers do: label-flip and backdoor poison their data; model-replacement is the backdoor boosted; sign-flip, scale, gaussian, alie and ipm change the update they push.</source>
        <translation>恶意工作节点做什么：label-flip 和 backdoor 污染其数据；model-replacement 是放大后的后门；sign-flip、scale、gaussian、alie 和 ipm 修改其推送的更新。</translation>
    </message>
    <message>
        <source>Attack strength</source>
        <translation>攻击强度</translation>
    </message>
    <message>
        <source>The attack&apos;s knob (0: its default): sign-flip and scale the factor (4, 10), model-replacement the boost (the worker count), gaussian the deviation (1), alie z (from the worker and attacker counts), ipm epsilon (0.5).</source>
        <translation>攻击的参数（0：其默认值）：sign-flip 和 scale 为倍数（4、10），model-replacement 为放大倍数（工作节点数），gaussian 为标准差（1），alie 为 z（由工作节点数和攻击者数算出），ipm 为 epsilon（0.5）。</translation>
    </message>
    <message>
        <source>Malicious workers</source>
        <translation>恶意工作节点</translation>
    </message>
    <message>
        <source>The ranks of the workers that attack (they collude); the others are honest.</source>
        <translation>发动攻击的工作节点编号（它们相互勾结）；其余为诚实工作节点。</translation>
    </message>
    <message>
        <source>Backdoor target</source>
        <translation>后门目标类别</translation>
    </message>
    <message>
        <source>The class a stamped image (a small bright square in its corner) should be taken for.</source>
        <translation>带触发器（角落里的一个小亮方块）的图像应被识别成的类别。</translation>
    </message>
    <message>
        <source>Clipping bound</source>
        <translation>裁剪上限</translation>
    </message>
    <message>
        <source>norm-clip: pushes longer than this are scaled down to it; centered-clip: the same for their distance to the last aggregate (0: the round&apos;s median).</source>
        <translation>norm-clip：长于此值的推送被缩放到此长度；centered-clip：对推送到上一轮聚合结果的距离做同样处理（0：本轮的中位数）。</translation>
    </message>
    <message>
        <source>the median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>After the run, the same training again on the same seed: rules runs every server rule with this attack and without one; grid runs every rule against every attack. Final accuracy and backdoor success in a table.</source>
        <translation>运行结束后，在同一随机种子上重新训练：rules 用每一种服务器规则对抗本攻击，并做一次无攻击的运行；grid 让每种规则对抗每种攻击。最终准确率和后门成功率列在表中。</translation>
    </message>
    <message>
        <source>Multi-Krum picks</source>
        <translation>Multi-Krum 选取数</translation>
    </message>
    <message>
        <source>multi-krum: how many of the best-scored pushes are averaged (0: n - f).</source>
        <translation>multi-krum：对得分最好的多少个推送求平均（0：n - f）。</translation>
    </message>
    <message>
        <source>n - f</source>
        <translation>n - f</translation>
    </message>
    <message>
        <source>Poisoned share</source>
        <translation>投毒比例</translation>
    </message>
    <message>
        <source>The share of a malicious worker&apos;s batch that gets the trigger and the target label.</source>
        <translation>恶意工作节点的批次中被加上触发器并改为目标标签的比例。</translation>
    </message>
    <message>
        <source>Trimmed share</source>
        <translation>截尾比例</translation>
    </message>
    <message>
        <source>trimmed-mean: the share of values cut at each end of every coordinate.</source>
        <translation>trimmed-mean：每个坐标两端各截去的数值比例。</translation>
    </message>
    <message>
        <source>Evasion attack</source>
        <translation>逃逸攻击</translation>
    </message>
    <message>
        <source>How test inputs are moved to fool the trained model: fgsm (one step of the whole budget) or pgd (several projected steps from a random start).</source>
        <translation>如何移动测试输入来欺骗训练好的模型：fgsm（用完整预算走一步）或 pgd（从随机起点走若干投影步）。</translation>
    </message>
    <message>
        <source>Compare trainings</source>
        <translation>比较训练方式</translation>
    </message>
    <message>
        <source>Train once with each way (none, pgd, input-gradient) on the same seed and compare their clean and robust accuracy.</source>
        <translation>在同一随机种子上用每种方式（none、pgd、input-gradient）各训练一次，比较它们的干净准确率和鲁棒准确率。</translation>
    </message>
    <message>
        <source>Perturbation budget</source>
        <translation>扰动预算</translation>
    </message>
    <message>
        <source>The ball&apos;s radius in the data&apos;s units (pixels from 0 to 1): of the attack shown and of adversarial training.</source>
        <translation>扰动球的半径，以数据的单位计（像素取值 0 到 1）：用于展示的攻击和对抗训练。</translation>
    </message>
    <message>
        <source>Budgets to compare</source>
        <translation>比较的预算</translation>
    </message>
    <message>
        <source>The robust-accuracy curve: the attack at each of these radii (0: clean).</source>
        <translation>鲁棒准确率曲线：在这些半径下分别发动攻击（0：不攻击）。</translation>
    </message>
    <message>
        <source>Gradient penalty</source>
        <translation>梯度惩罚</translation>
    </message>
    <message>
        <source>input-gradient: lambda, the weight of the mean squared input-gradient norm in the loss.</source>
        <translation>input-gradient：lambda，损失中输入梯度平方范数均值的权重。</translation>
    </message>
    <message>
        <source>Perturbation ball</source>
        <translation>扰动范围</translation>
    </message>
    <message>
        <source>linf: every pixel moves at most epsilon; l2: the whole change is at most epsilon long.</source>
        <translation>linf：每个像素最多移动 epsilon；l2：整体改动的长度最多为 epsilon。</translation>
    </message>
    <message>
        <source>Random start</source>
        <translation>随机起点</translation>
    </message>
    <message>
        <source>PGD starts from a random point of the ball instead of the input itself.</source>
        <translation>PGD 从扰动球内的随机点出发，而不是从输入本身出发。</translation>
    </message>
    <message>
        <source>Examples shown</source>
        <translation>展示的样本数</translation>
    </message>
    <message>
        <source>Test images shown as original, adversarial and magnified perturbation.</source>
        <translation>以原图、对抗图像和放大后的扰动展示的测试图像数。</translation>
    </message>
    <message>
        <source>PGD step</source>
        <translation>PGD 步长</translation>
    </message>
    <message>
        <source>The size of each PGD step (0: 2.5 x epsilon / steps, as Madry et al.).</source>
        <translation>PGD 每一步的大小（0：2.5 × epsilon / 步数，同 Madry 等人）。</translation>
    </message>
    <message>
        <source>2.5 epsilon / steps</source>
        <translation>2.5 epsilon / 步数</translation>
    </message>
    <message>
        <source>PGD steps</source>
        <translation>PGD 步数</translation>
    </message>
    <message>
        <source>The attack&apos;s projected gradient steps.</source>
        <translation>攻击的投影梯度步数。</translation>
    </message>
    <message>
        <source>Attacked examples</source>
        <translation>受攻击样本数</translation>
    </message>
    <message>
        <source>How many test examples are attacked for each point of the curve.</source>
        <translation>曲线上每个点攻击多少个测试样本。</translation>
    </message>
    <message>
        <source>Training PGD steps</source>
        <translation>训练中的 PGD 步数</translation>
    </message>
    <message>
        <source>pgd training: the steps of the PGD that crafts each training batch.</source>
        <translation>pgd 训练：构造每个训练批次的 PGD 的步数。</translation>
    </message>
    <message>
        <source>Robust training</source>
        <translation>鲁棒训练</translation>
    </message>
    <message>
        <source>How the workers train: none; pgd (adversarial training: each step on PGD examples of the current model, Madry et al.); input-gradient (the input gradient&apos;s norm penalised, double backpropagation).</source>
        <translation>工作节点如何训练：none；pgd（对抗训练：每一步都在当前模型的 PGD 样本上训练，Madry 等人）；input-gradient（惩罚输入梯度的范数，即双重反向传播）。</translation>
    </message>
    <message>
        <source>Attack a trained run</source>
        <translation>攻击已训练的运行</translation>
    </message>
    <message>
        <source>The run folder of a model trained before (its spec.json and params.f32): the lesson attacks that model instead of training (empty: train).</source>
        <translation>之前训练好的模型的运行文件夹（其中的 spec.json 和 params.f32）：本课攻击该模型而不再训练（空：训练）。</translation>
    </message>
    <message>
        <source>Pushes kept</source>
        <translation>保留的推送数</translation>
    </message>
    <message>
        <source>How many of the capture worker&apos;s pushes the server keeps, one a step from the capture step on (the property attack reads every one).</source>
        <translation>服务器从捕获步开始、每步一次地保留捕获工作节点的多少次推送（属性推理攻击会读取每一次）。</translation>
    </message>
    <message>
        <source>The step whose push is kept (the first, with more pushes kept).</source>
        <translation>保留其推送的步（保留多次推送时为第一步）。</translation>
    </message>
    <message>
        <source>Inferred property</source>
        <translation>推断的属性</translation>
    </message>
    <message>
        <source>The property the server infers from the victim&apos;s pushes: its batch contains an example of this class.</source>
        <translation>服务器从受害者的推送中推断的属性：其批次含有该类别的样本。</translation>
    </message>
    <message>
        <source>Shadow batches</source>
        <translation>影子批次数</translation>
    </message>
    <message>
        <source>Batches of its own data the server takes a gradient of at each captured round, half with the property and half without, to train its meta-classifier.</source>
        <translation>服务器在每个捕获的轮次中，用自己的数据计算梯度的批次数（一半具有该属性，一半不具有），用于训练其元分类器。</translation>
    </message>
    <message>
        <source>Share of values sent</source>
        <translation>发送数值的比例</translation>
    </message>
    <message>
        <source>topk, randk: the share of the update&apos;s values a push carries, e.g. 0.01.</source>
        <translation>topk、randk：每次推送携带的更新数值比例，例如 0.01。</translation>
    </message>
    <message>
        <source>How a worker&apos;s update travels to the server: float32 as computed (4 bytes a value), fp16 (2 bytes), int8 (1 byte and a scale), topk (only the largest values, with their indices), randk (values at random, unbiased), qsgd (a few random levels a value, unbiased) or sign (1 bit a value and a scale); fewer bytes on the wire for a less exact update.</source>
        <translation>工作节点的更新如何传到服务器：float32 按计算结果（每个值 4 字节）、fp16（2 字节）、int8（1 字节加一个缩放因子）、topk（只发最大的值及其下标）、randk（随机选取的值，无偏）、qsgd（每个值随机取少数几个量化级之一，无偏）或 sign（每个值 1 位加一个缩放因子）；线路上的字节越少，更新越不精确。</translation>
    </message>
    <message>
        <source>Error feedback</source>
        <translation>误差反馈</translation>
    </message>
    <message>
        <source>QSGD levels</source>
        <translation>QSGD 量化级数</translation>
    </message>
    <message>
        <source>qsgd: levels per sign; each value takes ceil(log2(2s + 1)) bits.</source>
        <translation>qsgd：每个符号方向的量化级数；每个值占 ceil(log2(2s + 1)) 位。</translation>
    </message>
    <message>
        <source>Top-k shares to compare</source>
        <translation>要比较的 top-k 比例</translation>
    </message>
    <message>
        <source>The lesson also runs top-k with error feedback at each of these shares of the values, e.g. 0.1, 0.001: points along the bytes-accuracy front.</source>
        <translation>本课还会在这些数值比例下运行带误差反馈的 top-k，例如 0.1、0.001：得到字节数-准确率前沿上的点。</translation>
    </message>
    <message>
        <source>Differential privacy</source>
        <translation>差分隐私</translation>
    </message>
    <message>
        <source>Update clip norm</source>
        <translation>更新裁剪范数</translation>
    </message>
    <message>
        <source>DP delta</source>
        <translation>DP 的 δ</translation>
    </message>
    <message>
        <source>dp: epsilon is reported at this delta.</source>
        <translation>dp：在这个 δ 下报告 ε。</translation>
    </message>
    <message>
        <source>Noise multiplier</source>
        <translation>噪声乘数</translation>
    </message>
    <message>
        <source>dp: the Gaussian noise&apos;s standard deviation over the clip norm.</source>
        <translation>dp：高斯噪声的标准差与裁剪范数之比。</translation>
    </message>
    <message>
        <source>Secure aggregation threshold</source>
        <translation>安全聚合阈值</translation>
    </message>
    <message>
        <source>Compare the protections</source>
        <translation>比较各种保护</translation>
    </message>
    <message>
        <source>Homomorphic encryption</source>
        <translation>同态加密</translation>
    </message>
    <message>
        <source>Paillier key bits</source>
        <translation>Paillier 密钥位数</translation>
    </message>
    <message>
        <source>homomorphic: the size of the key&apos;s modulus n (2048: about 112-bit security).</source>
        <translation>同态加密：密钥模数 n 的位数（2048 位约相当于 112 位安全强度）。</translation>
    </message>
    <message>
        <source>After the run, the same rounds on the same seed and clients with each protection of the updates: none, local DP, central DP, secure aggregation, secure aggregation with central DP (privacy.noise_multiplier, privacy.dp_clip), and one round of Paillier encryption (privacy.paillier_bits): accuracy, epsilon, bytes, server time and what the server learns, in the Federated tab.</source>
        <translation>运行结束后，用相同的随机种子和客户端，在每种更新保护下再跑一遍同样的轮次：无保护、本地差分隐私、中心化差分隐私、安全聚合、安全聚合加中心化差分隐私（privacy.noise_multiplier、privacy.dp_clip），并用 Paillier 加密跑一轮（privacy.paillier_bits）；准确率、ε、字节数、服务器耗时以及服务器能得知什么，显示在“联邦学习”标签页中。</translation>
    </message>
    <message>
        <source>Every update (a worker&apos;s gradient push, a federated client&apos;s model change) is clipped, then the server adds Gaussian noise to the round&apos;s sum (central) or each worker or client to its own update (local); epsilon is reported as training goes.</source>
        <translation>每个更新（工作节点推送的梯度、联邦客户端的模型变化）先被裁剪，然后由服务器向一轮的总和加高斯噪声（central，中心化），或由每个工作节点或客户端向自己的更新加噪声（local，本地化）；训练过程中随时报告 ε。</translation>
    </message>
    <message>
        <source>dp: each worker&apos;s gradient push or client&apos;s update is clipped to this L2 norm.</source>
        <translation>dp：每个工作节点推送的梯度或客户端的更新被裁剪到这个 L2 范数。</translation>
    </message>
    <message>
        <source>Each worker adds what its encoder left out of its last pushes to the next one, so a biased encoder (topk, sign) loses nothing for good (in federated rounds, each client its own).</source>
        <translation>每个工作节点把编码器在之前推送中丢掉的部分加到下一次推送里，这样有偏的编码器（topk、sign）不会永久丢失信息（在联邦轮次中，每个客户端各自累积）。</translation>
    </message>
    <message>
        <source>The share of the workers (cluster) or of a round&apos;s clients (federated) that must survive to rebuild the dropped ones&apos; mask keys; fewer and nothing is unmasked.</source>
        <translation>必须存活的工作节点（集群）或一轮客户端（联邦）的比例，用于重建掉线者的掩码密钥；少于该比例则不解除任何掩码。</translation>
    </message>
    <message>
        <source>Updates are masked with pairwise secrets (X25519) that cancel in the round&apos;s sum: the server learns only the aggregate. Survives workers or clients that drop out after sharing their keys: the survivors rebuild their mask keys from Shamir shares (Bonawitz et al.). Cluster: bsp or local-sgd.</source>
        <translation>更新用两两共享的秘密（X25519）加掩码，掩码在一轮的总和中相互抵消：服务器只能得到聚合结果。工作节点或客户端在分享密钥后掉线也不影响：存活者用 Shamir 份额重建其掩码密钥（Bonawitz 等）。集群：bsp 或 local-sgd。</translation>
    </message>
    <message>
        <source>Each worker (cluster: bsp or local-sgd) or client (federated) encrypts its update with Paillier; the server multiplies the ciphertexts into the encrypted sum without reading any update, and worker 0, the key holder, decrypts only the sum. Slow: milliseconds a ciphertext, about 30 values a ciphertext at 2048 bits.</source>
        <translation>每个工作节点（集群：bsp 或 local-sgd）或客户端（联邦）用 Paillier 加密自己的更新；服务器把密文相乘得到加密的总和，而不读取任何更新；密钥持有者工作节点 0 只解密总和。较慢：每个密文需数毫秒，2048 位时每个密文约装 30 个值。</translation>
    </message>
    <message>
        <source>Restarts per worker</source>
        <translation>每个工作节点的重启次数</translation>
    </message>
    <message>
        <source>How many times a lost worker process is started again; it rejoins at the current step. 0: its remaining data share goes untrained, and the run says how many examples that was.</source>
        <translation>失联的工作进程会被重新启动多少次；它在当前步重新加入。0：其剩余的数据份额不被训练，运行结束时会说明有多少个样本。</translation>
    </message>
    <message>
        <source>Checkpoint every</source>
        <translation>检查点间隔</translation>
    </message>
    <message>
        <source>Server updates between checkpoints of the run (checkpoint.bin in the run folder): `distlab-engine run --resume RUN` continues from the last one after a crash. 0: no checkpoints.</source>
        <translation>两次检查点之间的服务器更新次数（运行文件夹中的 checkpoint.bin）：崩溃后，`distlab-engine run --resume RUN` 从最后一个检查点继续。0：不写检查点。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Compare server and ring at</source>
        <translation>比较服务器与环的工作节点数</translation>
    </message>
    <message>
        <source>allreduce: after training, the lesson times a few steps of BSP on a parameter server and of the ring at each of these worker counts (e.g. 2, 4, 8) and measures the bytes each worker sends; empty: no comparison.</source>
        <translation>allreduce：训练后，本课在每个工作节点数（例如 2、4、8）下各计时几步参数服务器上的 BSP 与环，并测量每个工作节点发送的字节；留空：不比较。</translation>
    </message>
    <message>
        <source>bsp: a barrier every step; asp: no waiting, updates applied as they come; ssp: the fastest may run ahead of the slowest by at most the staleness bound; local-sgd: local steps, then the models are combined; allreduce: no server, the workers sum their gradients round a ring (Horovod) and each takes the same step.</source>
        <translation>bsp：每步一个屏障；asp：不等待，更新到达即应用；ssp：最快者最多领先最慢者“陈旧度上限”步；local-sgd：先本地走若干步，再合并模型；allreduce：没有服务器，工作节点沿环对梯度求和（Horovod），各自走同样的一步。</translation>
    </message>
    <message>
        <source>Pieces per ring chunk</source>
        <translation>环形每块的分片数</translation>
    </message>
    <message>
        <source>allreduce: each worker&apos;s chunk of the sum travels round the ring in this many pieces, each passed on as soon as it arrives (a pipeline, as in NCCL). The plain ring already keeps every link busy at each step, so on even links it gains little; each piece is one more frame.</source>
        <translation>allreduce：每个工作节点负责的求和块分成这么多片沿环传递，每片一到即转发（流水线，如 NCCL）。普通环形在每一步已让每条链路都忙碌，因此在均匀链路上收益很小；每片多一帧。</translation>
    </message>
    <message>
        <source>Weight gradients</source>
        <translation>权重梯度</translation>
    </message>
    <message>
        <source>each: a stage computes a micro-batch&apos;s weight gradients in its backward pass, as in GPipe and 1F1B; grouped: it sends the errors on first and computes the weight gradients of several micro-batches later in one product (zero-bubble pipelines): faster, and the idle share falls below (p-1)/(m+p-1).</source>
        <translation>each：阶段在每个微批次的反向传播中计算其权重梯度，与 GPipe 和 1F1B 相同；grouped：阶段先把误差传下去，稍后在一次乘积中计算若干微批次的权重梯度（零气泡流水线）：更快，空闲比例低于 (p-1)/(m+p-1)。</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>平衡方式</translation>
    </message>
    <message>
        <source>layers: each stage owns whole layers; neurons: the stages&apos; estimated work is made even by cutting a Dense layer between two stages by its output neurons (the stage before sends the layer&apos;s input beside its neurons&apos; outputs).</source>
        <translation>layers：每个阶段拥有完整的层；neurons：把一个全连接层按输出神经元切分给相邻两个阶段，使各阶段的估算工作量相等（前一阶段把该层的输入连同它所算神经元的输出一起发出）。</translation>
    </message>
</context>
<context>
    <name>StageSettingText</name>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>settings not recorded (a run from an older version)</source>
        <translation>未记录设置（旧版本的运行）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>SweepRunner</name>
    <message>
        <source>Give the values of %1, separated by commas.</source>
        <translation>请填写 %1 的取值，用逗号分隔。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; are not values this field takes (numbers, true or false, [lists] or the field&apos;s choices, separated by commas).</source>
        <translation>%1：“%2”不是这个字段能取的值（数字、true 或 false、[列表] 或该字段的选项，用逗号分隔）。</translation>
    </message>
    <message>
        <source>%1 is varied twice: vary two different fields.</source>
        <translation>%1 被改变了两次：请选择两个不同的字段。</translation>
    </message>
    <message>
        <source>Choose a field to vary.</source>
        <translation>请选择要改变的字段。</translation>
    </message>
    <message>
        <source>Not a valid experiment at %1: %2</source>
        <translation>在 %1 处不是有效的实验：%2</translation>
    </message>
    <message>
        <source>%1 runs are too many for one sweep (at most %2): use fewer values or repeats.</source>
        <translation>一次扫描 %1 次运行太多（最多 %2 次）：请减少取值或重复次数。</translation>
    </message>
    <message>
        <source>Choose the folder the runs go to.</source>
        <translation>请选择存放各次运行的文件夹。</translation>
    </message>
    <message>
        <source>%1 holds a sweep already: choose another folder, so nothing of it is overwritten.</source>
        <translation>%1 中已有一次扫描：请换一个文件夹，以免覆盖其中的内容。</translation>
    </message>
    <message>
        <source>The sweep&apos;s folder %1 cannot be written.</source>
        <translation>无法写入扫描文件夹 %1。</translation>
    </message>
</context>
<context>
    <name>ViewExport</name>
    <message>
        <source>The scale %1 is not allowed; allowed: 1 to 4</source>
        <translation>不允许缩放倍数 %1；允许 1 到 4</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a picture format DistLab writes; allowed: png, svg, pdf</source>
        <translation>DistLab 不支持写入“%1”格式；允许：png、svg、pdf</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>About DistLab</source>
        <translation>关于 DistLab</translation>
    </message>
    <message>
        <source>DistLab: a lab for learning distributed training of neural networks.</source>
        <translation>DistLab：学习神经网络分布式训练的实验室。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>L&amp;essons</source>
        <translation>课程(&amp;E)</translation>
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
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Larger text for a projector (F11)</source>
        <translation>为投影仪放大文字 (F11)</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation>深色主题(&amp;D)</translation>
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
        <source>&amp;New experiment</source>
        <translation>新建实验(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Run the current lesson&apos;s experiment on real processes (F5)</source>
        <translation>在真实进程上运行当前课程的实验 (F5)</translation>
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
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>While paused: every worker takes one more step, one round of a synchronous run (F10)</source>
        <translation>暂停时：每个工作节点再走一步，即同步训练的一轮 (F10)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the run and every worker process (Esc)</source>
        <translation>停止运行及所有工作进程 (Esc)</translation>
    </message>
    <message>
        <source>&amp;About DistLab</source>
        <translation>关于 DistLab(&amp;A)</translation>
    </message>
    <message>
        <source>Parameter &amp;sweep...</source>
        <translation>参数扫描(&amp;S)...</translation>
    </message>
    <message>
        <source>Run the experiment once for every combination of values of one or two fields, and chart a final figure against them</source>
        <translation>对一个或两个字段的每种取值组合各运行一次实验，并画出最终指标随取值的变化</translation>
    </message>
    <message>
        <source>Hold every worker before its next step, or let them go on (F6). Pressed before Run: the run starts held</source>
        <translation>让每个工作节点在下一步之前停住，或让它们继续 (F6)。在“运行”之前按下：运行一开始就停住</translation>
    </message>
</context>
<context>
    <name>distlab::app::ClusterViews</name>
    <message>
        <source>%1 clients this round</source>
        <translation>本轮 %1 个客户端</translation>
    </message>
</context>
<context>
    <name>distlab::app::ControlChannel</name>
    <message>
        <source>the connection ended</source>
        <translation>连接已断开</translation>
    </message>
    <message>
        <source>it sent what this window cannot read (%1)</source>
        <translation>它发来了本窗口无法读取的内容（%1）</translation>
    </message>
</context>
<context>
    <name>distlab::app::FileActions</name>
    <message>
        <source>Export view</source>
        <translation>导出视图</translation>
    </message>
    <message>
        <source>PNG picture, 2x (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 图片，2 倍 (*.png);;SVG 矢量图 (*.svg);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Export report into folder</source>
        <translation>将报告导出到文件夹</translation>
    </message>
    <message>
        <source>&amp;Open experiment...</source>
        <translation>打开实验(&amp;O)...</translation>
    </message>
    <message>
        <source>&amp;Save experiment</source>
        <translation>保存实验(&amp;S)</translation>
    </message>
    <message>
        <source>Save experiment &amp;as...</source>
        <translation>实验另存为(&amp;A)...</translation>
    </message>
    <message>
        <source>&amp;Export view...</source>
        <translation>导出视图(&amp;E)...</translation>
    </message>
    <message>
        <source>Save the view on show as a PNG, SVG or PDF for a report</source>
        <translation>把当前显示的视图保存为 PNG、SVG 或 PDF，用于报告</translation>
    </message>
    <message>
        <source>Export &amp;report...</source>
        <translation>导出报告(&amp;R)...</translation>
    </message>
    <message>
        <source>Write a folder with every view as PNG and SVG, the data as CSV, the spec and a report.html</source>
        <translation>写出一个文件夹：每个视图的 PNG 与 SVG、CSV 数据、实验配置和 report.html</translation>
    </message>
    <message>
        <source>Save experiment</source>
        <translation>保存实验</translation>
    </message>
    <message>
        <source>Experiment specs (*.json)</source>
        <translation>实验配置 (*.json)</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>There is no data yet: run the experiment first.</source>
        <translation>还没有数据：请先运行实验。</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>There is nothing to report yet: run the experiment first.</source>
        <translation>还没有可报告的内容：请先运行实验。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>Writing the report: %1 (%2 of %3)</source>
        <translation>正在写报告：%1（第 %2 个，共 %3 个）</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>报告已写入 %1</translation>
    </message>
    <message>
        <source>Export picture (PNG, SVG or PDF)...</source>
        <translation>导出图片（PNG、SVG 或 PDF）...</translation>
    </message>
    <message>
        <source>PNG picture (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 图片 (*.png);;SVG 矢量图 (*.svg);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Scale (1x to 4x):</source>
        <translation>缩放倍数（1x 到 4x）：</translation>
    </message>
    <message>
        <source>Export the picture (%1)...</source>
        <translation>导出图片（%1）...</translation>
    </message>
    <message>
        <source>Export data as CSV (%1)...</source>
        <translation>将数据导出为 CSV（%1）...</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Run the experiment first</source>
        <translation>请先运行实验</translation>
    </message>
    <message>
        <source>Open experiment</source>
        <translation>打开实验</translation>
    </message>
    <message>
        <source>Export as a trace for Perfetto (JSON)...</source>
        <translation>导出为 Perfetto 跟踪文件（JSON）…</translation>
    </message>
    <message>
        <source>Export trace</source>
        <translation>导出跟踪</translation>
    </message>
    <message>
        <source>Chrome trace (*.json)</source>
        <translation>Chrome 跟踪文件 (*.json)</translation>
    </message>
    <message>
        <source>Saved %1: open it in ui.perfetto.dev or chrome://tracing</source>
        <translation>已保存 %1：可在 ui.perfetto.dev 或 chrome://tracing 中打开</translation>
    </message>
    <message>
        <source>Open a run folder (holding events.jsonl)</source>
        <translation>打开一个运行文件夹（含 events.jsonl）</translation>
    </message>
    <message>
        <source>Open &amp;run...</source>
        <translation>打开运行(&amp;R)…</translation>
    </message>
    <message>
        <source>Show a finished run from its folder: one the window, distlab-engine run or a sweep wrote</source>
        <translation>从文件夹中显示一次已完成的运行：由本窗口、distlab-engine run 或参数扫描写出的文件夹</translation>
    </message>
    <message>
        <source>Recent experiments and runs</source>
        <translation>最近的实验与运行</translation>
    </message>
    <message>
        <source>%1 (run folder)</source>
        <translation>%1（运行文件夹）</translation>
    </message>
    <message>
        <source>Follow the run whose folder this is (holding events.jsonl)</source>
        <translation>跟随此文件夹（含 events.jsonl）中正在进行的运行</translation>
    </message>
    <message>
        <source>Follow a running cluster</source>
        <translation>跟随正在运行的集群</translation>
    </message>
    <message>
        <source>The run&apos;s token (%1):</source>
        <translation>该运行的令牌（%1）：</translation>
    </message>
    <message>
        <source>&amp;Follow a running cluster...</source>
        <translation>跟随正在运行的集群(&amp;F)...</translation>
    </message>
    <message>
        <source>Watch and steer a run started elsewhere (distlab-engine run, or mpirun ... distlab-engine mpi) from its folder, with its token</source>
        <translation>凭令牌从运行文件夹观察并控制在别处启动的运行（distlab-engine run，或 mpirun ... distlab-engine mpi）</translation>
    </message>
</context>
<context>
    <name>distlab::app::LogTail</name>
    <message>
        <source>line %1 of the log: %2</source>
        <translation>日志第 %1 行：%2</translation>
    </message>
</context>
<context>
    <name>distlab::app::MainWindow</name>
    <message>
        <source>DistLab - Distributed Learning Lab</source>
        <translation>DistLab - 分布式学习实验室</translation>
    </message>
    <message>
        <source>Cannot open the experiment</source>
        <translation>无法打开实验</translation>
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
        <source>Stopped at epoch %1</source>
        <translation>已在第 %1 轮停止</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>The experiment has problems: see the fields marked in red</source>
        <translation>实验配置有问题：请查看标红的字段</translation>
    </message>
    <message>
        <source>New experiment</source>
        <translation>新实验</translation>
    </message>
    <message>
        <source>The engine&apos;s stream broke off (%1); the run goes on unseen</source>
        <translation>引擎的数据流中断了（%1）；运行仍在继续，但窗口无法再显示</translation>
    </message>
    <message>
        <source>Starting: %1...</source>
        <translation>正在启动：%1...</translation>
    </message>
    <message>
        <source>the training engine stopped unexpectedly (exit code %1)</source>
        <translation>训练引擎意外退出（退出码 %1）</translation>
    </message>
    <message>
        <source>%1 has no readable spec.json: the records are shown without it</source>
        <translation>%1 中没有可读的 spec.json：仅显示记录</translation>
    </message>
    <message>
        <source>Cannot open the run: %1</source>
        <translation>无法打开运行：%1</translation>
    </message>
    <message>
        <source>its log ends before the run did (it was cut short, or is still running)</source>
        <translation>它的日志在运行结束之前就中断了（运行被中断，或仍在进行中）</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <source>Cannot open the sweep: %1</source>
        <translation>无法打开扫描：%1</translation>
    </message>
    <message>
        <source>Opened the sweep in %1: its runs are in the Runs panel</source>
        <translation>已打开 %1 中的扫描：各次运行列在“运行记录”面板中</translation>
    </message>
    <message>
        <source>Sweep stopped after %1 of %2 runs; its table keeps them</source>
        <translation>扫描在 %2 次运行中的第 %1 次后停止；汇总表保留了已完成的运行</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>The sweep cannot run: %1</source>
        <translation>无法开始扫描：%1</translation>
    </message>
    <message>
        <source>Sweep: %1</source>
        <translation>扫描：%1</translation>
    </message>
    <message>
        <source>Sweep finished: %1 runs in %2</source>
        <translation>扫描完成：%1 次运行，保存在 %2</translation>
    </message>
    <message>
        <source>Sweep run %1 of %2</source>
        <translation>扫描运行 %1 / %2</translation>
    </message>
    <message>
        <source>%1: %2, about %3 left</source>
        <translation>%1：%2，约剩 %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Its log has a line that cannot be read (%1): what came before it is shown</source>
        <translation>它的日志中有一行无法读取（%1）：只显示了此前的内容</translation>
    </message>
    <message>
        <source>Cannot follow the run: %1</source>
        <translation>无法跟随该运行：%1</translation>
    </message>
    <message>
        <source>Following the run in %1 (Stop asks it to stop)</source>
        <translation>正在跟随 %1 中的运行（“停止”会请求它停止）</translation>
    </message>
    <message>
        <source>Following the log of the run in %1 (it takes no commands: Stop only stops following)</source>
        <translation>正在跟随 %1 中运行的日志（该运行不接受命令：“停止”只会停止跟随）</translation>
    </message>
    <message>
        <source>The next run starts paused: Step runs one round, Resume lets it train</source>
        <translation>下一次运行将以暂停状态开始：“单步”运行一轮，“继续”开始训练</translation>
    </message>
    <message>
        <source>The next run starts right away</source>
        <translation>下一次运行将立即开始</translation>
    </message>
    <message>
        <source>Only a cluster with a parameter server can start paused: this run starts at once</source>
        <translation>只有带参数服务器的集群才能以暂停状态开始：本次运行立即开始</translation>
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
        <source>the run in %1 has ended: open it with Open run</source>
        <translation>%1 中的运行已结束：请用“打开运行”查看</translation>
    </message>
    <message>
        <source>following a run needs its token (the %1 it was started with)</source>
        <translation>跟随运行需要它的令牌（启动时的 %1）</translation>
    </message>
    <message>
        <source>Cannot follow the run: the coordinator did not accept the token (%1)</source>
        <translation>无法跟随该运行：协调器不接受该令牌（%1）</translation>
    </message>
    <message>
        <source>Cannot follow the run: no coordinator answered at %1 (%2)</source>
        <translation>无法跟随该运行：%1 处没有协调器应答（%2）</translation>
    </message>
</context>
<context>
    <name>distlab::app::RunLibrary</name>
    <message>
        <source>Test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>Test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <source>Wall time (s)</source>
        <translation>耗时（秒）</translation>
    </message>
    <message>
        <source>Samples/s</source>
        <translation>样本/秒</translation>
    </message>
    <message>
        <source>Bytes sent to the server</source>
        <translation>发往服务器的字节数</translation>
    </message>
    <message>
        <source>%1 workers, %2, lr %3, %4 epochs</source>
        <translation>%1 个工作节点，%2，学习率 %3，%4 轮</translation>
    </message>
    <message>
        <source>Sweep %1</source>
        <translation>扫描 %1</translation>
    </message>
    <message>
        <source>Final figures</source>
        <translation>最终指标</translation>
    </message>
    <message>
        <source>Best test accuracy</source>
        <translation>最高测试准确率</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Sent to the server</source>
        <translation>发往服务器</translation>
    </message>
    <message>
        <source>Sent to the workers</source>
        <translation>发往工作节点</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Settings that differ</source>
        <translation>不同的设置</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>比较运行</translation>
    </message>
    <message>
        <source>Save as CSV...</source>
        <translation>另存为 CSV...</translation>
    </message>
    <message>
        <source>Save the comparison</source>
        <translation>保存比较表</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Sweep: %1</source>
        <translation>扫描：%1</translation>
    </message>
    <message>
        <source>Save as PNG...</source>
        <translation>另存为 PNG...</translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>%1: %2 on %3</source>
        <translation>%1：%3 上的 %2</translation>
    </message>
</context>
<context>
    <name>distlab::app::ViewTabs</name>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Test loss and accuracy of the global model and every worker&apos;s training loss, as they come</source>
        <translation>全局模型的测试损失和准确率，以及每个工作节点的训练损失，随时更新</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>What every worker and the server does when: compute, push, pull, wait at the barrier. Wheel: zoom; drag: pan; double click: all</source>
        <translation>每个工作节点和服务器在何时做什么：计算、推送、拉取、在屏障处等待。滚轮：缩放；拖动：平移；双击：显示全部</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>How the training set is split across the workers</source>
        <translation>训练集如何划分给各工作节点</translation>
    </message>
    <message>
        <source>Staleness</source>
        <translation>陈旧度</translation>
    </message>
    <message>
        <source>How old the parameters behind each applied update were</source>
        <translation>每次已应用更新所基于的参数有多旧</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>流量</translation>
    </message>
    <message>
        <source>What crosses each worker&apos;s link, measured on the sockets</source>
        <translation>每个工作节点链路上传输的内容，在套接字上实测</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>The server and its workers; right-click a worker to kill, slow down, restore or restart it</source>
        <translation>服务器及其工作节点；右键单击工作节点可终止、减速、恢复或重新启动它</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Every table, curve and picture the experiment computed, as the engine sent them</source>
        <translation>实验计算出的所有表格、曲线和图片，按引擎发送的原样显示</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::AdversarialView</name>
    <message>
        <source>plain training</source>
        <translation>普通训练</translation>
    </message>
    <message>
        <source>adversarial training (PGD)</source>
        <translation>对抗训练（PGD）</translation>
    </message>
    <message>
        <source>input-gradient regularisation</source>
        <translation>输入梯度正则化</translation>
    </message>
    <message>
        <source>original</source>
        <translation>原图</translation>
    </message>
    <message>
        <source>attacked</source>
        <translation>受攻击后</translation>
    </message>
    <message>
        <source>change</source>
        <translation>改动</translation>
    </message>
    <message>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>under attack</source>
        <translation>受攻击时</translation>
    </message>
    <message>
        <source>No result yet.</source>
        <translation>还没有结果。</translation>
    </message>
    <message>
        <source>Test accuracy without attack and under the attack of budget %1:</source>
        <translation>无攻击时和预算为 %1 的攻击下的测试准确率：</translation>
    </message>
    <message>
        <source>%1: %2 clean, %3 attacked (trained in %4 s)</source>
        <translation>%1：干净数据 %2，受攻击 %3（训练用时 %4 秒）</translation>
    </message>
    <message>
        <source>Below: the first test images (top), the same after the attack (middle) and the change magnified, mid grey for none (bottom); the attack changed %1 of %2 answers.</source>
        <translation>下方：前几张测试图像（上）、攻击后的同一图像（中）和放大后的改动，中灰表示没有改动（下）；攻击改变了 %2 个回答中的 %1 个。</translation>
    </message>
    <message>
        <source>Test accuracy under attack</source>
        <translation>攻击下的测试准确率</translation>
    </message>
    <message>
        <source>Budget epsilon</source>
        <translation>预算 epsilon</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>测试准确率</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::AggregationView</name>
    <message>
        <source>The same data, seed and number of examples for each method: S-DNN trains one model alone; MA-DNN averages the workers&apos; models every round; E-DNN keeps all of them and averages their predictions; EC-DNN distils that ensemble back into one model on the server and sends it out.</source>
        <translation>每种方法使用相同的数据、随机种子和样本数：S-DNN 单独训练一个模型；MA-DNN 每轮平均各工作节点的模型；E-DNN 保留所有模型并平均它们的预测；EC-DNN 在服务器上把这个集成蒸馏回一个模型再分发出去。</translation>
    </message>
    <message>
        <source>Against epochs</source>
        <translation>按轮数（epoch）</translation>
    </message>
    <message>
        <source>Against wall time</source>
        <translation>按耗时</translation>
    </message>
    <message>
        <source>Against MB sent</source>
        <translation>按发送的 MB</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>Epoch (examples seen / training set)</source>
        <translation>轮数（已处理样本数 / 训练集大小）</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>MB sent (both ways)</source>
        <translation>发送的 MB（双向）</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>工作节点数</translation>
    </message>
    <message>
        <source>Final accuracy</source>
        <translation>最终准确率</translation>
    </message>
    <message>
        <source>Model parameters</source>
        <translation>模型参数量</translation>
    </message>
    <message>
        <source>MB sent</source>
        <translation>发送的 MB</translation>
    </message>
    <message>
        <source>Wall time (s)</source>
        <translation>耗时（秒）</translation>
    </message>
    <message>
        <source>Press Run: the four methods train one after the other on real clusters.</source>
        <translation>按“运行”：四种方法会在真实集群上依次训练。</translation>
    </message>
    <message>
        <source>The paper&apos;s claim: EC-DNN beats MA-DNN at equal communication; E-DNN is best but K times larger.</source>
        <translation>论文的结论：在通信量相同时 EC-DNN 优于 MA-DNN；E-DNN 最好，但模型大 K 倍。</translation>
    </message>
    <message>
        <source>Measured: EC-DNN %1 % vs MA-DNN %2 % with %3 vs %4 MB sent; E-DNN %5 % with a model %6 times larger.</source>
        <translation>实测：EC-DNN %1 % 对 MA-DNN %2 %，发送 %3 对 %4 MB；E-DNN %5 %，模型大 %6 倍。</translation>
    </message>
    <message>
        <source>Against rounds</source>
        <translation>按通信轮次</translation>
    </message>
    <message>
        <source>Round (S-DNN: one worker&apos;s rounds)</source>
        <translation>轮次（S-DNN：单个工作节点的轮次）</translation>
    </message>
    <message>
        <source>Inference cost</source>
        <translation>推理开销</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::AveragingView</name>
    <message>
        <source>After round %1 of %2</source>
        <translation>第 %1 轮之后（共 %2 轮）</translation>
    </message>
    <message>
        <source>Weight = b x height + a, fitted by gradient descent on f = (1/n) sum (weight - b x height - a)^2 with the people split over clients. After one step, averaging the clients&apos; gradients and averaging their models both equal central gradient descent; with several local steps per round they part.</source>
        <translation>体重 = b × 身高 + a，用梯度下降最小化 f = (1/n) Σ (体重 − b × 身高 − a)²，人们的数据分在各客户端上。走一步之后，平均各客户端的梯度与平均它们的模型都等于集中式梯度下降；每轮做多步本地更新时，两者就分开了。</translation>
    </message>
    <message>
        <source>After one step</source>
        <translation>一步之后</translation>
    </message>
    <message>
        <source>a</source>
        <translation>a</translation>
    </message>
    <message>
        <source>b</source>
        <translation>b</translation>
    </message>
    <message>
        <source>Central gradient descent (all people)</source>
        <translation>集中式梯度下降（全部数据）</translation>
    </message>
    <message>
        <source>Gradient averaging (server averages gradients)</source>
        <translation>梯度平均（服务器平均梯度）</translation>
    </message>
    <message>
        <source>Model averaging (server averages models)</source>
        <translation>模型平均（服务器平均模型）</translation>
    </message>
    <message>
        <source>&lt;b&gt;The lecture&apos;s argument&lt;/b&gt;&lt;br&gt;&amp;nabla;f = &amp;Sigma;&lt;sub&gt;k&lt;/sub&gt; w&lt;sub&gt;k&lt;/sub&gt; &amp;nabla;f&lt;sub&gt;k&lt;/sub&gt;, so&lt;br&gt;&amp;Sigma;&lt;sub&gt;k&lt;/sub&gt; w&lt;sub&gt;k&lt;/sub&gt; (&amp;theta; &amp;minus; &amp;lambda;&amp;nabla;f&lt;sub&gt;k&lt;/sub&gt;) = &amp;theta; &amp;minus; &amp;lambda;&amp;nabla;f&lt;br&gt;w&lt;sub&gt;k&lt;/sub&gt; = n&lt;sub&gt;k&lt;/sub&gt;/n (weighted mean) or 1/K (plain mean)</source>
        <translation>&lt;b&gt;课程中的推导&lt;/b&gt;&lt;br&gt;&amp;nabla;f = &amp;Sigma;&lt;sub&gt;k&lt;/sub&gt; w&lt;sub&gt;k&lt;/sub&gt; &amp;nabla;f&lt;sub&gt;k&lt;/sub&gt;，所以&lt;br&gt;&amp;Sigma;&lt;sub&gt;k&lt;/sub&gt; w&lt;sub&gt;k&lt;/sub&gt; (&amp;theta; &amp;minus; &amp;lambda;&amp;nabla;f&lt;sub&gt;k&lt;/sub&gt;) = &amp;theta; &amp;minus; &amp;lambda;&amp;nabla;f&lt;br&gt;w&lt;sub&gt;k&lt;/sub&gt; = n&lt;sub&gt;k&lt;/sub&gt;/n（加权平均）或 1/K（简单平均）</translation>
    </message>
    <message>
        <source>Press Run to compute the lesson.</source>
        <translation>按“运行”计算本课。</translation>
    </message>
    <message>
        <source>Equal: the three differ by at most %1 (relative), rounding only.</source>
        <translation>相等：三者的相对差最多为 %1，只是舍入误差。</translation>
    </message>
    <message>
        <source>Not equal: they differ by %1 (relative). With a plain mean over clients of different sizes, the averaged gradient is not the central one.</source>
        <translation>不相等：相对差为 %1。客户端规模不同时若用简单平均，平均梯度就不是集中式的梯度。</translation>
    </message>
    <message>
        <source>The people and the fitted lines</source>
        <translation>数据点与拟合直线</translation>
    </message>
    <message>
        <source>Height (m)</source>
        <translation>身高（米）</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>体重（千克）</translation>
    </message>
    <message>
        <source>Client %1</source>
        <translation>客户端 %1</translation>
    </message>
    <message>
        <source>Gradient averaging</source>
        <translation>梯度平均</translation>
    </message>
    <message>
        <source>Model averaging</source>
        <translation>模型平均</translation>
    </message>
    <message>
        <source>Loss on all people after each round</source>
        <translation>每轮之后在全部数据上的损失</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>f(a, b)</source>
        <translation>f(a, b)</translation>
    </message>
    <message>
        <source>Model averaging: f(averaged model)</source>
        <translation>模型平均：f(平均后的模型)</translation>
    </message>
    <message>
        <source>Mean of f(client models) before averaging</source>
        <translation>平均之前各客户端模型的 f 的平均值</translation>
    </message>
    <message>
        <source>Client %1 (its people, its local steps)</source>
        <translation>客户端 %1（它的数据、它的本地更新）</translation>
    </message>
    <message>
        <source>gradient averaging</source>
        <translation>梯度平均</translation>
    </message>
    <message>
        <source>model averaging: f(averaged model)</source>
        <translation>模型平均：f(平均后的模型)</translation>
    </message>
    <message>
        <source>mean of f(client models) before averaging</source>
        <translation>平均之前各客户端模型的 f 的平均值</translation>
    </message>
    <message>
        <source>least squares</source>
        <translation>最小二乘解</translation>
    </message>
    <message>
        <source>The loss f(a, b) (darker is lower). Grey: gradient averaging; dashed purple: model averaging; thin coloured: each client&apos;s local steps.</source>
        <translation>损失 f(a, b)（颜色越深越低）。灰色：梯度平均；紫色虚线：模型平均；细彩色线：各客户端的本地更新。</translation>
    </message>
    <message>
        <source>For comparison: plain mean 1/K over the clients</source>
        <translation>对比：对各客户端取简单平均（1/K）</translation>
    </message>
    <message>
        <source>A plain mean 1/K would be off by %1 (relative): the clients differ in size, so the weights n_k/n matter.</source>
        <translation>若用简单平均 1/K，相对误差会是 %1：各客户端规模不同，所以权重 n_k/n 很重要。</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::ClientSharesPlot</name>
    <message>
        <source>Share of each client&apos;s examples in each class</source>
        <translation>每个客户端的样本中各类别所占的比例</translation>
    </message>
    <message>
        <source>Clients 0 to %1</source>
        <translation>客户端 0 到 %1</translation>
    </message>
    <message>
        <source>Clients by their number of examples</source>
        <translation>按样本数统计的客户端数</translation>
    </message>
    <message>
        <source>examples a client</source>
        <translation>每个客户端的样本数</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::CompressionView</name>
    <message>
        <source>32-bit floats</source>
        <translation>32 位浮点数</translation>
    </message>
    <message>
        <source>16-bit floats</source>
        <translation>16 位浮点数</translation>
    </message>
    <message>
        <source>8-bit integers</source>
        <translation>8 位整数</translation>
    </message>
    <message>
        <source>top-k %1</source>
        <translation>top-k %1</translation>
    </message>
    <message>
        <source>random-k %1</source>
        <translation>随机 k %1</translation>
    </message>
    <message>
        <source>QSGD, %1 levels</source>
        <translation>QSGD，%1 级</translation>
    </message>
    <message>
        <source>sign, 1 bit</source>
        <translation>符号，1 位</translation>
    </message>
    <message>
        <source>%1 + error feedback</source>
        <translation>%1 + 误差反馈</translation>
    </message>
    <message>
        <source>Update sent as</source>
        <translation>更新的发送方式</translation>
    </message>
    <message>
        <source>MB pushed</source>
        <translation>推送 MB</translation>
    </message>
    <message>
        <source>Fewer bytes</source>
        <translation>字节减少</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>On the front</source>
        <translation>位于前沿</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Test accuracy against the bytes the workers pushed (dashed: the runs nothing beats on both; squares: with error feedback)</source>
        <translation>测试准确率与工作节点推送字节数的对比（虚线：在两方面都无法被超越的运行；方块：带误差反馈）</translation>
    </message>
    <message>
        <source>MB pushed (log scale)</source>
        <translation>推送 MB（对数刻度）</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>front</source>
        <translation>前沿</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::ConvexityView</name>
    <message>
        <source>If the loss is convex in the parameters, the averaged model is never worse than the mean of the models: f(mean of w) &lt;= mean of f(w). A network&apos;s loss is convex only in its output, so averaging the outputs (the ensemble) keeps that promise and averaging the parameters may not. Test loss after each round:</source>
        <translation>如果损失关于模型参数是凸的，平均后的模型不会比各模型损失的平均更差：f(w 的平均) &lt;= f(w) 的平均。神经网络的损失只关于输出是凸的，所以平均输出（模型集成）能保证这一点，而平均参数不一定。每轮之后的测试损失：</translation>
    </message>
    <message>
        <source>Common start, averaged every round</source>
        <translation>同一起点，每轮平均</translation>
    </message>
    <message>
        <source>Different random starts, never averaged</source>
        <translation>不同的随机起点，从不平均</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Test cross-entropy</source>
        <translation>测试交叉熵</translation>
    </message>
    <message>
        <source>f(averaged model)</source>
        <translation>f(平均后的模型)</translation>
    </message>
    <message>
        <source>mean of f(models)</source>
        <translation>各模型 f 的平均</translation>
    </message>
    <message>
        <source>f(ensemble)</source>
        <translation>f(集成)</translation>
    </message>
    <message>
        <source>Press Run to train the models.</source>
        <translation>按“运行”训练这些模型。</translation>
    </message>
    <message>
        <source>After the last round: from a common start the averaged model scores %1 against the models&apos; mean %2; from different starts %3 against %4 (%5x). The ensemble: %6 and %7, never above the mean.</source>
        <translation>最后一轮之后：从同一起点出发，平均模型的损失为 %1，各模型的平均为 %2；从不同起点出发则为 %3 对 %4（%5 倍）。集成的损失为 %6 和 %7，从不高于平均值。</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::DataView</name>
    <message>
        <source>Examples of each class per worker</source>
        <translation>各工作节点每个类别的样本数</translation>
    </message>
    <message>
        <source>Examples (repeats counted)</source>
        <translation>样本数（重复计入）</translation>
    </message>
    <message>
        <source>Worker %1</source>
        <translation>工作节点 %1</translation>
    </message>
    <message>
        <source>Worker %1: %2 examples, %3 different; never sees %4% of the training set</source>
        <translation>工作节点 %1：%2 个样本，其中 %3 个不同；有 %4% 的训练集从未见过</translation>
    </message>
    <message>
        <source>%1% of the training examples go to no worker.</source>
        <translation>%1% 的训练样本不分给任何工作节点。</translation>
    </message>
    <message>
        <source>The data split appears here when a run starts.</source>
        <translation>运行开始后，这里显示数据划分。</translation>
    </message>
    <message>
        <source>%1 clients with %2 to %3 examples each. 90% of a client&apos;s examples are of %4 of the %5 classes on average (evenly split data: %6).</source>
        <translation>%1 个客户端，每个有 %2 到 %3 个样本。平均而言，一个客户端 90% 的样本来自 %5 个类别中的 %4 个（均匀划分时：%6 个）。</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::FederatedView</name>
    <message>
        <source>Who took part in each round: rounds from left to right, clients from top to bottom. A red mark above a round: too few results, the global model stayed as it was.</source>
        <translation>每一轮有哪些客户端参与：轮次从左到右，客户端从上到下。某一轮上方的红色标记：结果太少，全局模型保持不变。</translation>
    </message>
    <message>
        <source>trained</source>
        <translation>已训练</translation>
    </message>
    <message>
        <source>late, used next round</source>
        <translation>迟到，下一轮使用</translation>
    </message>
    <message>
        <source>late, dropped</source>
        <translation>迟到，已丢弃</translation>
    </message>
    <message>
        <source>dropped out</source>
        <translation>中途掉线</translation>
    </message>
    <message>
        <source>process lost</source>
        <translation>进程丢失</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>not sampled</source>
        <translation>未被抽中</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>The rounds appear here while a federated run trains.</source>
        <translation>联邦学习运行训练时，各轮显示在这里。</translation>
    </message>
    <message>
        <source>Round %1: %2 of %3 online clients sampled; %4 trained, %5 late, %6 dropped out, %7 lost.</source>
        <translation>第 %1 轮：从 %3 个在线客户端中抽取 %2 个；%4 个已训练，%5 个迟到，%6 个中途掉线，%7 个丢失。</translation>
    </message>
    <message numerus="yes">
        <source>%n late update(s) from the round before used.</source>
        <translation>
            <numerusform>使用了上一轮的 %n 个迟到更新。</numerusform>
        </translation>
    </message>
    <message>
        <source>Attempt %1.</source>
        <translation>第 %1 次尝试。</translation>
    </message>
    <message>
        <source>Too few results: the model stayed.</source>
        <translation>结果太少：模型保持不变。</translation>
    </message>
    <message>
        <source>The updates&apos; mean cosine to their mean: %1.</source>
        <translation>各更新与其平均值之间余弦的平均值：%1。</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>cosine to the mean update</source>
        <translation>与平均更新的余弦</translation>
    </message>
    <message>
        <source>Test accuracy by round: each client rule on these clients, and IID data</source>
        <translation>逐轮测试准确率：这些客户端上的各客户端规则，以及独立同分布数据</translation>
    </message>
    <message>
        <source>Client drift of the updates</source>
        <translation>客户端更新的漂移</translation>
    </message>
    <message>
        <source>spread of the norms (std / mean)</source>
        <translation>范数的离散程度（标准差 / 平均值）</translation>
    </message>
    <message>
        <source>The server saw the updates masked or encrypted only, so there is no drift to measure.</source>
        <translation>服务器只看到加了掩码或加了密的更新，因此没有客户端漂移可测。</translation>
    </message>
    <message numerus="yes">
        <source>%n dropout(s) recovered from the survivors&apos; shares this round.</source>
        <translation>
            <numerusform>本轮借助存活者的份额从 %n 个掉线中恢复。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>distlab::widgets::LayoutDiagram</name>
    <message>
        <source>skeleton (every worker)</source>
        <translation>骨架（每个工作节点都有）</translation>
    </message>
    <message>
        <source>no worker</source>
        <translation>无工作节点</translation>
    </message>
    <message>
        <source>Stage %1</source>
        <translation>阶段 %1</translation>
    </message>
    <message>
        <source>Shard %1</source>
        <translation>分片 %1</translation>
    </message>
    <message>
        <source>Worker %1</source>
        <translation>工作节点 %1</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::LossSurface</name>
    <message>
        <source>a (intercept, kg)</source>
        <translation>a（截距，千克）</translation>
    </message>
    <message>
        <source>b (kg per metre)</source>
        <translation>b（千克/米）</translation>
    </message>
    <message>
        <source>least squares</source>
        <translation>最小二乘解</translation>
    </message>
    <message>
        <source>start</source>
        <translation>起点</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::ModelPartitionView</name>
    <message>
        <source>Split by layers, the stages pass intermediate results instead of parameters. With m micro-batches a pipeline of p stages idles (p-1)/(m+p-1) of the time while it fills and drains (its bubble); 1F1B holds fewer micro-batches&apos; activations than GPipe.</source>
        <translation>按层划分后，各阶段之间传递的是中间结果而不是参数。有 m 个微批次时，p 个阶段的流水线在填满和排空的过程中有 (p-1)/(m+p-1) 的时间空闲（即“气泡”）；1F1B 需要保存的微批次激活值比 GPipe 少。</translation>
    </message>
    <message>
        <source>Bubble: idle share of the stages (solid: measured, dashed: theory)</source>
        <translation>气泡：各阶段的空闲比例（实线：实测，虚线：理论）</translation>
    </message>
    <message>
        <source>Micro-batches m</source>
        <translation>微批次数 m</translation>
    </message>
    <message>
        <source>Idle share</source>
        <translation>空闲比例</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Bytes per example</source>
        <translation>每个样本的字节数</translation>
    </message>
    <message>
        <source>Peak activation memory per stage (MB): GPipe %1, 1F1B %2.</source>
        <translation>每个阶段激活值内存的峰值（MB）：GPipe %1，1F1B %2。</translation>
    </message>
    <message>
        <source>Per example the pipeline sends less than data parallelism for batches below %1, more above.</source>
        <translation>按每个样本计，批大小小于 %1 时流水线比数据并行传得少，大于它时传得多。</translation>
    </message>
    <message>
        <source>Split within layers, each process sends %1 MB per update (data parallel: %2 MB) and holds %3 MB of the model (whole: %4 MB).</source>
        <translation>层内划分时，每个进程每次更新发送 %1 MB（数据并行：%2 MB），持有 %3 MB 的模型（整个模型：%4 MB）。</translation>
    </message>
    <message>
        <source>Press Run: the measurements appear here when the lesson ends.</source>
        <translation>按“运行”：本课结束后，测量结果显示在这里。</translation>
    </message>
    <message>
        <source>%1 stages</source>
        <translation>%1 个阶段</translation>
    </message>
    <message>
        <source>data parallel</source>
        <translation>数据并行</translation>
    </message>
    <message>
        <source>pipeline</source>
        <translation>流水线</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>实测</translation>
    </message>
    <message>
        <source>Measured on %1 cores: with more stages than cores the stages take turns on the CPU, which shows as idle time the theory does not have.</source>
        <translation>在 %1 个核上测量：阶段数多于核数时，各阶段轮流占用 CPU，这会表现为理论中没有的空闲时间。</translation>
    </message>
    <message>
        <source>Random skeleton partition: test accuracy %1% with sub-networks of %2 of the model&apos;s %3 parameters and %4 MB sent to the workers; model averaging of the whole network: %5% and %6 MB.</source>
        <translation>随机骨架划分：测试准确率 %1%，子网络有 %2 个参数（整个模型 %3 个），向工作节点发送了 %4 MB；整个网络做模型平均：%5%，%6 MB。</translation>
    </message>
    <message>
        <source>Who holds which neurons: a column per layer with weights (its width below)</source>
        <translation>谁持有哪些神经元：每个带权重的层一列（下方为该层宽度）</translation>
    </message>
    <message>
        <source>Bytes per example: data parallel 2 x model / batch, pipeline 2 x width</source>
        <translation>每个样本的通信字节数：数据并行 2 × 模型 / 批大小，流水线 2 × 宽度</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::ParticipationChart</name>
    <message>
        <source>Rounds 1 to %1 from left to right; clients 0 to %2 from top to bottom</source>
        <translation>轮次 1 到 %1 从左到右；客户端 0 到 %2 从上到下</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::PrivacyComparisonTable</name>
    <message>
        <source>No protection</source>
        <translation>无保护</translation>
    </message>
    <message>
        <source>Local DP (each client adds noise)</source>
        <translation>本地差分隐私（每个客户端自己加噪声）</translation>
    </message>
    <message>
        <source>Central DP (the server adds noise)</source>
        <translation>中心化差分隐私（服务器加噪声）</translation>
    </message>
    <message>
        <source>Secure aggregation</source>
        <translation>安全聚合</translation>
    </message>
    <message>
        <source>Secure aggregation + central DP</source>
        <translation>安全聚合 + 中心化差分隐私</translation>
    </message>
    <message>
        <source>every client&apos;s update</source>
        <translation>每个客户端的更新</translation>
    </message>
    <message>
        <source>every client&apos;s update, noised</source>
        <translation>每个客户端加了噪声的更新</translation>
    </message>
    <message>
        <source>only the sum of the round&apos;s updates</source>
        <translation>只有本轮更新的总和</translation>
    </message>
    <message>
        <source>The same rounds under each protection of the updates: what the server learns from a client, and what the protection costs</source>
        <translation>在每种更新保护下重跑同样的轮次：服务器能从一个客户端得知什么，以及这种保护的代价</translation>
    </message>
    <message>
        <source>Protection</source>
        <translation>保护方式</translation>
    </message>
    <message>
        <source>The server learns</source>
        <translation>服务器得知</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>KB up per client</source>
        <translation>每个客户端上传 KB</translation>
    </message>
    <message>
        <source>KB down per client</source>
        <translation>每个客户端下载 KB</translation>
    </message>
    <message>
        <source>Server ms per round</source>
        <translation>服务器每轮毫秒数</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Paillier encryption (one round measured)</source>
        <translation>Paillier 加密（只测一轮）</translation>
    </message>
    <message>
        <source>Seconds per round</source>
        <translation>每轮秒数</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::PrivacyView</name>
    <message>
        <source>A worker shares only the gradient of its batch. The attacker (an honest-but-curious server) searches for images whose gradient matches it: top row, the worker&apos;s private images; bottom row, what the attacker rebuilt.</source>
        <translation>工作节点只共享其批次的梯度。攻击者（诚实但好奇的服务器）寻找梯度与之相符的图像：上排是工作节点的私有图像，下排是攻击者重建的结果。</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Label found</source>
        <translation>找到的标签</translation>
    </message>
    <message>
        <source>PSNR</source>
        <translation>PSNR</translation>
    </message>
    <message>
        <source>SSIM</source>
        <translation>SSIM</translation>
    </message>
    <message>
        <source>The attack, iteration by iteration</source>
        <translation>攻击过程（逐次迭代）</translation>
    </message>
    <message>
        <source>PSNR (dB)</source>
        <translation>PSNR (dB)</translation>
    </message>
    <message>
        <source>gradient distance</source>
        <translation>梯度距离</translation>
    </message>
    <message>
        <source>mean PSNR of the rebuilt images</source>
        <translation>重建图像的平均 PSNR</translation>
    </message>
    <message>
        <source>Privacy and utility (give the spec sweep strengths)</source>
        <translation>隐私与效用（请在实验配置中给出 sweep_strengths）</translation>
    </message>
    <message>
        <source>Privacy and utility: %1 of growing strength</source>
        <translation>隐私与效用：强度递增的 %1</translation>
    </message>
    <message>
        <source>Defense strength</source>
        <translation>防御强度</translation>
    </message>
    <message>
        <source>attack PSNR</source>
        <translation>攻击的 PSNR</translation>
    </message>
    <message>
        <source>test accuracy of the defended model</source>
        <translation>受防御模型的测试准确率</translation>
    </message>
    <message>
        <source>After %1 iterations</source>
        <translation>%1 次迭代之后</translation>
    </message>
    <message>
        <source>Images: &quot;%1&quot; is not an image number; allowed: 1 to 8 test-set indices such as 0, 1, 4</source>
        <translation>图像：“%1”不是图像编号；允许 1 到 8 个测试集编号，例如 0, 1, 4</translation>
    </message>
    <message>
        <source>Images: %1 given; allowed: 1 to 8 test-set indices such as 0, 1, 4</source>
        <translation>图像：给了 %1 个；允许 1 到 8 个测试集编号，例如 0, 1, 4</translation>
    </message>
    <message>
        <source>Images:</source>
        <translation>图像：</translation>
    </message>
    <message>
        <source>Test-set indices attacked together as one batch, e.g. 0, 1, 4</source>
        <translation>作为一个批次一起被攻击的测试集编号，例如 0, 1, 4</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>MLP (sigmoid)</source>
        <translation>MLP（sigmoid）</translation>
    </message>
    <message>
        <source>LeNet (the DLG paper&apos;s)</source>
        <translation>LeNet（DLG 论文中的）</translation>
    </message>
    <message>
        <source>Attack:</source>
        <translation>攻击：</translation>
    </message>
    <message>
        <source>Defense:</source>
        <translation>防御：</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>强度：</translation>
    </message>
    <message>
        <source>noise: std; topk: fraction pruned; dp: noise multiplier; local-steps: number of steps</source>
        <translation>noise：标准差；topk：剪掉的比例；dp：噪声倍数；local-steps：本地步数</translation>
    </message>
    <message>
        <source>Attack</source>
        <translation>攻击</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <source>Test images</source>
        <translation>测试图像</translation>
    </message>
    <message>
        <source>Iteration</source>
        <translation>迭代</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>test accuracy (real cluster)</source>
        <translation>测试准确率（真实集群）</translation>
    </message>
    <message>
        <source>Worker %1&apos;s push, step %2 (%3)</source>
        <translation>节点 %1 第 %2 步的推送（%3）</translation>
    </message>
    <message>
        <source>Press Attack (or Run) to attack.</source>
        <translation>按“攻击”（或“运行”）开始攻击。</translation>
    </message>
    <message>
        <source>Optimizer:</source>
        <translation>优化器：</translation>
    </message>
    <message>
        <source>Distance:</source>
        <translation>距离：</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <source>L-BFGS (with a line search) is what DLG uses; Adam takes one gradient a step and needs many more</source>
        <translation>DLG 用的是 L-BFGS（带线搜索）；Adam 每步只用一次梯度，需要多得多的步数</translation>
    </message>
    <message>
        <source>How the dummy gradient is compared with the observed one: the squared L2 distance, or 1 - cosine similarity (ignores its size)</source>
        <translation>虚拟梯度与观测梯度的比较方式：L2 距离的平方，或 1 - 余弦相似度（忽略梯度的大小）</translation>
    </message>
    <message>
        <source>DLG (deep leakage from gradients)</source>
        <translation>DLG（从梯度深度泄露）</translation>
    </message>
    <message>
        <source>iDLG (the label read off first)</source>
        <translation>iDLG（先读出标签）</translation>
    </message>
    <message>
        <source>Analytic (from the first dense layer)</source>
        <translation>解析法（从第一个全连接层）</translation>
    </message>
    <message>
        <source>Gaussian noise</source>
        <translation>高斯噪声</translation>
    </message>
    <message>
        <source>top-k sparsification</source>
        <translation>top-k 稀疏化</translation>
    </message>
    <message>
        <source>16-bit floats</source>
        <translation>16 位浮点</translation>
    </message>
    <message>
        <source>8-bit quantization</source>
        <translation>8 位量化</translation>
    </message>
    <message>
        <source>DP-SGD (each example clipped, noise added)</source>
        <translation>DP-SGD（逐样本裁剪并加噪声）</translation>
    </message>
    <message>
        <source>several local steps</source>
        <translation>多步本地训练</translation>
    </message>
    <message>
        <source>no defense</source>
        <translation>不防御</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::PropertyView</name>
    <message>
        <source>secure aggregation</source>
        <translation>安全聚合</translation>
    </message>
    <message>
        <source>no protection</source>
        <translation>无保护</translation>
    </message>
    <message>
        <source>noise (std %1)</source>
        <translation>噪声（标准差 %1）</translation>
    </message>
    <message>
        <source>%1 (strength %2)</source>
        <translation>%1（强度 %2）</translation>
    </message>
    <message>
        <source>Protection</source>
        <translation>保护方式</translation>
    </message>
    <message>
        <source>AUC</source>
        <translation>AUC</translation>
    </message>
    <message>
        <source>Rounds called right</source>
        <translation>判断正确的轮次</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>The server keeps every push of one worker and guesses, from each, whether its batch held a given class: something the task never asked for. Run lesson 8c.</source>
        <translation>服务器保留一个工作节点的每次推送，并从每次推送猜测其批次是否含有某个类别：这是任务从未要求的信息。请运行第 8c 课。</translation>
    </message>
    <message>
        <source>Property: the victim&apos;s batch holds an example of class %1 (%2% of its %3 batches did).</source>
        <translation>属性：受害者的批次含有类别 %1 的样本（其 %3 个批次中有 %2% 如此）。</translation>
    </message>
    <message>
        <source>The server trained a meta-classifier on gradients of its own images, with and without the class, at each round&apos;s parameters, and scored the victim&apos;s pushes: AUC %1 with %2 (0.5 is a guess, 1 knows every batch).</source>
        <translation>服务器在每轮的参数下，用自己的图像（含与不含该类别）计算梯度并训练元分类器，再对受害者的推送打分：%2 时 AUC 为 %1（0.5 等于瞎猜，1 表示每个批次都猜对）。</translation>
    </message>
    <message>
        <source>With %1: AUC %2, test accuracy %3% (%4% unprotected).</source>
        <translation>%1：AUC %2，测试准确率 %3%（无保护时 %4%）。</translation>
    </message>
    <message>
        <source>The attack&apos;s ROC curve, a colour a row (dashed: guessing)</source>
        <translation>攻击的 ROC 曲线，每种颜色对应表中一行（虚线：瞎猜）</translation>
    </message>
    <message>
        <source>false positive rate</source>
        <translation>假阳性率</translation>
    </message>
    <message>
        <source>true positive rate</source>
        <translation>真阳性率</translation>
    </message>
    <message>
        <source>guessing</source>
        <translation>瞎猜</translation>
    </message>
    <message>
        <source>%1, AUC %2</source>
        <translation>%1，AUC %2</translation>
    </message>
    <message>
        <source>The victim&apos;s rounds as the server scored them (first run)</source>
        <translation>服务器对受害者各轮的打分（第一次运行）</translation>
    </message>
    <message>
        <source>round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>P(batch holds the class)</source>
        <translation>P(批次含该类别)</translation>
    </message>
    <message>
        <source>batch held the class</source>
        <translation>批次含该类别</translation>
    </message>
    <message>
        <source>batch did not</source>
        <translation>批次不含</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>With %1: AUC %2, test accuracy %3%.</source>
        <translation>%1：AUC %2，测试准确率 %3%。</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::ResultPane</name>
    <message>
        <source>An experiment&apos;s results appear here when it ends.</source>
        <translation>实验结束后，结果显示在这里。</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <source>Everything the experiment computed: pick a table to see it; the chart holds the curves it drew. The run folder has the same tables as CSV.</source>
        <translation>实验计算出的全部结果：选择一张表查看；图中是实验画出的曲线。运行文件夹中有同样的 CSV 表格。</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::RingView</name>
    <message>
        <source>A parameter server&apos;s link carries every worker&apos;s update up and the model down: 2NM bytes a step for N workers and a model of M bytes. Round a ring, each worker sends 2(N-1)/N M, under 2M however many workers there are, and no link carries more.</source>
        <translation>参数服务器的链路要承载每个工作节点上传的更新和下发的模型：N 个工作节点、模型 M 字节时每步 2NM 字节。在环上，每个工作节点发送 2(N-1)/N M，无论多少工作节点都不到 2M，且没有哪条链路承载更多。</translation>
    </message>
    <message>
        <source>Bytes a step, by workers: lines the formulas, points measured</source>
        <translation>每步字节数（按工作节点数）：线为公式，点为实测</translation>
    </message>
    <message>
        <source>Time a step (measured on this machine)</source>
        <translation>每步时间（本机实测）</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>工作节点数</translation>
    </message>
    <message>
        <source>MB a step</source>
        <translation>每步 MB</translation>
    </message>
    <message>
        <source>ms a step</source>
        <translation>每步毫秒</translation>
    </message>
    <message>
        <source>Server&apos;s link, 2NM</source>
        <translation>服务器链路，2NM</translation>
    </message>
    <message>
        <source>Worker to server, M</source>
        <translation>工作节点发往服务器，M</translation>
    </message>
    <message>
        <source>Worker round the ring, 2(N-1)/N M</source>
        <translation>工作节点在环上，2(N-1)/N M</translation>
    </message>
    <message>
        <source>Server&apos;s link, measured</source>
        <translation>服务器链路，实测</translation>
    </message>
    <message>
        <source>Worker to server, measured</source>
        <translation>工作节点发往服务器，实测</translation>
    </message>
    <message>
        <source>Worker round the ring, measured</source>
        <translation>工作节点在环上，实测</translation>
    </message>
    <message>
        <source>Parameter server (BSP)</source>
        <translation>参数服务器（BSP）</translation>
    </message>
    <message>
        <source>Ring all-reduce</source>
        <translation>环形 All-Reduce</translation>
    </message>
    <message>
        <source>Run lesson 4c (cluster.sync allreduce) to see what the ring sends.</source>
        <translation>运行第 4c 课（cluster.sync allreduce），查看环上发送的内容。</translation>
    </message>
    <message>
        <source>This run: %1 workers in a ring, each sent %2 MB a step (%3 ms a step).</source>
        <translation>本次运行：环上 %1 个工作节点，每个每步发送 %2 MB（每步 %3 毫秒）。</translation>
    </message>
    <message>
        <source>The times are of processes sharing this machine&apos;s cores: each of the ring&apos;s 2(N-1) hops a step waits for a process to be scheduled, which separate machines would not.</source>
        <translation>这些时间来自共享本机 CPU 核心的进程：环每步的 2(N-1) 跳都要等一个进程被调度，而分布在不同机器上则不会。</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::RunsPanel</name>
    <message>
        <source>%1
The run did not complete: its figures are where it stopped.</source>
        <translation>%1
该运行未完成：指标为其停止时的值。</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>时间（秒）</translation>
    </message>
    <message>
        <source>Sent to server</source>
        <translation>发往服务器</translation>
    </message>
    <message>
        <source>Tick a run to draw its curves on the training chart; double-click its name to rename it, another column to show it in every view</source>
        <translation>勾选一次运行即可在训练图上画出它的曲线；双击名称可重命名，双击其他列可在所有视图中显示它</translation>
    </message>
    <message>
        <source>The runs of this session and the ones you open (File &gt; Open run) appear here. Tick them to overlay their curves; Compare puts their figures and differing settings side by side.</source>
        <translation>本次会话的运行和你打开的运行（文件 &gt; 打开运行）显示在这里。勾选它们可叠加曲线；“比较”会把它们的指标和不同的设置并排列出。</translation>
    </message>
    <message>
        <source>Compare ticked...</source>
        <translation>比较已勾选的...</translation>
    </message>
    <message>
        <source>Untick all</source>
        <translation>全部取消勾选</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::SecurityView</name>
    <message>
        <source>Attack</source>
        <translation>攻击</translation>
    </message>
    <message>
        <source>Server&apos;s rule</source>
        <translation>服务器规则</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>Backdoor success</source>
        <translation>后门成功率</translation>
    </message>
    <message>
        <source>Flag precision</source>
        <translation>标记精确率</translation>
    </message>
    <message>
        <source>Flag recall</source>
        <translation>标记召回率</translation>
    </message>
    <message>
        <source>No judged round yet.</source>
        <translation>还没有判定过的轮次。</translation>
    </message>
    <message>
        <source>%1 rounds judged: %2 pushes kept, %3 clipped, %4 excluded. Of the flagged pushes %5 were the attackers&apos; (precision); of the attackers&apos; pushes %6 were flagged (recall).</source>
        <translation>已判定 %1 轮：保留 %2 个推送，裁剪 %3 个，剔除 %4 个。被标记的推送中 %5 来自攻击者（精确率）；攻击者的推送中 %6 被标记（召回率）。</translation>
    </message>
    <message>
        <source>Backdoor success at the last test: %1.</source>
        <translation>最近一次测试的后门成功率：%1。</translation>
    </message>
    <message>
        <source>Every round the server judges each push before it aggregates: a column of the grid is a round, a row a worker (the attackers named in red).</source>
        <translation>每一轮服务器在聚合前先判定每个推送：网格的一列是一轮，一行是一个工作节点（攻击者以红色标出）。</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;&amp;#9632;&lt;/span&gt; kept &amp;nbsp; &lt;span style=&apos;color:%2&apos;&gt;&amp;#9632;&lt;/span&gt; clipped &amp;nbsp; &lt;span style=&apos;color:%3&apos;&gt;&amp;#9632;&lt;/span&gt; excluded</source>
        <translation>&lt;span style=&apos;color:%1&apos;&gt;&amp;#9632;&lt;/span&gt; 保留 &amp;nbsp; &lt;span style=&apos;color:%2&apos;&gt;&amp;#9632;&lt;/span&gt; 裁剪 &amp;nbsp; &lt;span style=&apos;color:%3&apos;&gt;&amp;#9632;&lt;/span&gt; 剔除</translation>
    </message>
    <message>
        <source>Length of each worker&apos;s update (log scale)</source>
        <translation>各工作节点更新的长度（对数刻度）</translation>
    </message>
    <message>
        <source>Server update</source>
        <translation>服务器更新次数</translation>
    </message>
    <message>
        <source>Norm</source>
        <translation>范数</translation>
    </message>
    <message>
        <source>Agreement with the aggregate</source>
        <translation>与聚合结果的一致程度</translation>
    </message>
    <message>
        <source>Cosine / share</source>
        <translation>余弦 / 比例</translation>
    </message>
    <message>
        <source>Attackers&apos; mean cosine</source>
        <translation>攻击者的平均余弦</translation>
    </message>
    <message>
        <source>Honest workers&apos; mean cosine</source>
        <translation>诚实工作节点的平均余弦</translation>
    </message>
    <message>
        <source>Attackers</source>
        <translation>攻击者</translation>
    </message>
    <message>
        <source>Honest workers</source>
        <translation>诚实工作节点</translation>
    </message>
    <message>
        <source>The rule&apos;s mean score (Krum&apos;s distance score, the clipping factor or the share of trimmed values): attackers %1, honest workers %2.</source>
        <translation>规则的平均得分（Krum 的距离得分、裁剪系数或被截去数值的比例）：攻击者 %1，诚实工作节点 %2。</translation>
    </message>
    <message>
        <source>no attack</source>
        <translation>无攻击</translation>
    </message>
    <message>
        <source>sign flip</source>
        <translation>符号翻转</translation>
    </message>
    <message>
        <source>scaled update</source>
        <translation>放大更新</translation>
    </message>
    <message>
        <source>inner-product manipulation</source>
        <translation>内积操纵（IPM）</translation>
    </message>
    <message>
        <source>a little is enough</source>
        <translation>“一点就够”（ALIE）</translation>
    </message>
    <message>
        <source>label flip</source>
        <translation>标签翻转</translation>
    </message>
    <message>
        <source>Gaussian noise</source>
        <translation>高斯噪声</translation>
    </message>
    <message>
        <source>model replacement</source>
        <translation>模型替换</translation>
    </message>
    <message>
        <source>coordinate-wise median</source>
        <translation>逐坐标中位数</translation>
    </message>
    <message>
        <source>trimmed mean</source>
        <translation>截尾均值</translation>
    </message>
    <message>
        <source>Krum</source>
        <translation>Krum</translation>
    </message>
    <message>
        <source>Multi-Krum</source>
        <translation>Multi-Krum</translation>
    </message>
    <message>
        <source>Bulyan</source>
        <translation>Bulyan</translation>
    </message>
    <message>
        <source>norm clipping</source>
        <translation>范数裁剪</translation>
    </message>
    <message>
        <source>centered clipping</source>
        <translation>中心化裁剪</translation>
    </message>
    <message>
        <source>backdoor trigger</source>
        <translation>后门触发器</translation>
    </message>
    <message>
        <source>plain mean</source>
        <translation>普通均值</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::SpecForm</name>
    <message>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Cluster and data partitioning</source>
        <translation>集群与数据划分</translation>
    </message>
    <message>
        <source>Synchronization</source>
        <translation>同步方式</translation>
    </message>
    <message>
        <source>Heterogeneity</source>
        <translation>异构性</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Aggregation</source>
        <translation>聚合方式</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>隐私</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>More settings</source>
        <translation>更多设置</translation>
    </message>
    <message>
        <source>Model partitioning</source>
        <translation>模型划分</translation>
    </message>
    <message>
        <source>Federated learning</source>
        <translation>联邦学习</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>安全</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::StalenessView</name>
    <message>
        <source>Staleness of the applied updates (SSP bound: %1 steps)</source>
        <translation>已应用更新的陈旧度（SSP 上限：%1 步）</translation>
    </message>
    <message>
        <source>Staleness of the applied updates</source>
        <translation>已应用更新的陈旧度</translation>
    </message>
    <message>
        <source>steps ahead of the slowest worker when it started</source>
        <translation>开始时领先最慢工作节点的步数</translation>
    </message>
    <message>
        <source>updates applied between its pull and its push</source>
        <translation>其拉取与推送之间应用的更新数</translation>
    </message>
    <message>
        <source>Applied updates</source>
        <translation>已应用的更新</translation>
    </message>
    <message>
        <source>The staleness of every applied update appears here during a run.</source>
        <translation>运行时，这里显示每个已应用更新的陈旧度。</translation>
    </message>
    <message>
        <source>%1 updates applied; at most %2 steps ahead of the slowest; on average %3 other updates came in between a worker&apos;s pull and its push</source>
        <translation>已应用 %1 次更新；最多领先最慢节点 %2 步；在一个工作节点拉取与推送之间，平均有 %3 次其他更新</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::SweepChart</name>
    <message>
        <source>Figure:</source>
        <translation>指标：</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::SweepDialog</name>
    <message>
        <source>Parameter sweep</source>
        <translation>参数扫描</translation>
    </message>
    <message>
        <source>e.g. 0.01,0.05,0.1</source>
        <translation>例如 0.01,0.05,0.1</translation>
    </message>
    <message>
        <source>e.g. bsp,asp</source>
        <translation>例如 bsp,asp</translation>
    </message>
    <message>
        <source>Values separated by commas; a list in brackets: [64],[128,64]</source>
        <translation>用逗号分隔取值；列表写在方括号中：[64],[128,64]</translation>
    </message>
    <message>
        <source>Vary:</source>
        <translation>改变：</translation>
    </message>
    <message>
        <source>And vary:</source>
        <translation>同时改变：</translation>
    </message>
    <message>
        <source>Each point runs this many times with seeds seed, seed+1, ...; the chart shows their mean and standard deviation</source>
        <translation>每个取值点用种子 seed、seed+1、…… 运行这么多次；图上显示它们的平均值和标准差</translation>
    </message>
    <message>
        <source>Repeats:</source>
        <translation>重复次数：</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <source>Runs go to:</source>
        <translation>运行保存到：</translation>
    </message>
    <message>
        <source>Folder for the sweep&apos;s runs</source>
        <translation>扫描运行的文件夹</translation>
    </message>
    <message>
        <source>Run sweep</source>
        <translation>开始扫描</translation>
    </message>
    <message>
        <source>The experiment in the Experiment panel runs once for every combination of the values below, one run after another; each run is kept in its own folder and listed in the Runs panel.</source>
        <translation>“实验”面板中的实验会对下面取值的每种组合各运行一次，依次进行；每次运行保存在自己的文件夹中，并列在“运行记录”面板里。</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>（不改变）</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s), one after another.</source>
        <translation>
            <numerusform>%n 次运行，依次进行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Allowed values:</source>
        <translation>允许的值：</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>例如 %1</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::TimelineView</name>
    <message>
        <source>compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>push</source>
        <translation>推送</translation>
    </message>
    <message>
        <source>pull</source>
        <translation>拉取</translation>
    </message>
    <message>
        <source>wait</source>
        <translation>等待</translation>
    </message>
    <message>
        <source>aggregate</source>
        <translation>聚合</translation>
    </message>
    <message>
        <source>evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Worker %1</source>
        <translation>工作节点 %1</translation>
    </message>
    <message>
        <source>%1 - %2: %3 ms, step %4, %5 bytes</source>
        <translation>%1 - %2：%3 毫秒，第 %4 步，%5 字节</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>前向</translation>
    </message>
    <message>
        <source>backward</source>
        <translation>反向</translation>
    </message>
    <message>
        <source>send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>receive</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>idle (bubble)</source>
        <translation>空闲（气泡）</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>协调者</translation>
    </message>
    <message>
        <source>Stage %1</source>
        <translation>阶段 %1</translation>
    </message>
    <message>
        <source>push excluded</source>
        <translation>推送被剔除</translation>
    </message>
    <message>
        <source>push clipped</source>
        <translation>推送被裁剪</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::TopologyView</name>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>slowed down</source>
        <translation>已减速</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>已失效</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>启动中</translation>
    </message>
    <message>
        <source>Worker %1</source>
        <translation>工作节点 %1</translation>
    </message>
    <message>
        <source>Parameter server</source>
        <translation>参数服务器</translation>
    </message>
    <message>
        <source>Kill worker %1</source>
        <translation>终止工作节点 %1</translation>
    </message>
    <message>
        <source>Slow down 3x</source>
        <translation>减速 3 倍</translation>
    </message>
    <message>
        <source>Back to full speed</source>
        <translation>恢复全速</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重新启动</translation>
    </message>
    <message>
        <source>Capture its next push (privacy lesson)</source>
        <translation>截获它的下一次推送（隐私课）</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>%1% of the data</source>
        <translation>数据的 %1%</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>协调者</translation>
    </message>
    <message>
        <source>no layer with weights</source>
        <translation>没有带权重的层</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <source>layers %1-%2</source>
        <translation>第 %1–%2 层</translation>
    </message>
    <message>
        <source>%1% of the neurons</source>
        <translation>持有 %1% 的神经元</translation>
    </message>
    <message>
        <source>The network: each layer&apos;s neurons, coloured by the process that holds them</source>
        <translation>网络：每层的神经元，按持有它们的进程着色</translation>
    </message>
    <message>
        <source>Coordinator (no server)</source>
        <translation>协调者（无服务器）</translation>
    </message>
    <message>
        <source>Ring all-reduce: each worker hands a chunk of the gradient sum to the next, 2(N-1) times a step</source>
        <translation>环形 All-Reduce：每个工作节点把梯度和的一块交给下一个，每步 2(N-1) 次</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::TrafficView</name>
    <message>
        <source>Worker %1</source>
        <translation>工作节点 %1</translation>
    </message>
    <message>
        <source>Seconds since the start</source>
        <translation>自开始以来的秒数</translation>
    </message>
    <message>
        <source>MB/s</source>
        <translation>MB/秒</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链路</translation>
    </message>
    <message>
        <source>PUSH MB</source>
        <translation>推送 MB</translation>
    </message>
    <message>
        <source>PARAMS MB</source>
        <translation>参数 MB</translation>
    </message>
    <message>
        <source>The traffic measured on the sockets appears here during a run.</source>
        <translation>运行时，这里显示在套接字上实测的流量。</translation>
    </message>
    <message>
        <source>%1 MB crossed the network in all (every message, both ways).</source>
        <translation>共有 %1 MB 经过网络（所有消息，双向）。</translation>
    </message>
    <message>
        <source>Message type</source>
        <translation>消息类型</translation>
    </message>
    <message>
        <source>MB so far</source>
        <translation>累计 MB</translation>
    </message>
    <message>
        <source>PUSH (updates)</source>
        <translation>PUSH（更新）</translation>
    </message>
    <message>
        <source>PARAMS (parameters)</source>
        <translation>PARAMS（参数）</translation>
    </message>
    <message>
        <source>PULL (requests)</source>
        <translation>PULL（请求）</translation>
    </message>
    <message>
        <source>CLOCK / BARRIER</source>
        <translation>CLOCK / BARRIER（时钟/屏障）</translation>
    </message>
    <message>
        <source>TELEMETRY</source>
        <translation>TELEMETRY（遥测）</translation>
    </message>
    <message>
        <source>HEARTBEAT</source>
        <translation>HEARTBEAT（心跳）</translation>
    </message>
    <message>
        <source>Handshake</source>
        <translation>握手</translation>
    </message>
    <message>
        <source>CONTROL / SHUTDOWN</source>
        <translation>CONTROL / SHUTDOWN（控制/关闭）</translation>
    </message>
    <message>
        <source>MB/s in each second</source>
        <translation>每秒 MB/s</translation>
    </message>
    <message>
        <source>PUSH count</source>
        <translation>推送次数</translation>
    </message>
    <message>
        <source>PARAMS count</source>
        <translation>参数次数</translation>
    </message>
    <message>
        <source>KB per PUSH</source>
        <translation>每次推送 KB</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Each worker&apos;s PUSH (strong line: updates to the server) and PULL (faint line: parameters back)</source>
        <translation>每个工作节点的 PUSH（深色线：发往服务器的更新）与 PULL（浅色线：发回的参数）</translation>
    </message>
    <message>
        <source>The updates took %1 MB on the wire for %2 MB of floats: %3x fewer bytes.</source>
        <translation>更新在网络上占用 %1 MB，对应 %2 MB 的浮点数：字节数减少为 1/%3。</translation>
    </message>
    <message>
        <source>ACTIVATIONS (intermediate results)</source>
        <translation>ACTIVATIONS（中间结果：激活值）</translation>
    </message>
    <message>
        <source>ERRORS (intermediate results)</source>
        <translation>ERRORS（中间结果：误差）</translation>
    </message>
    <message>
        <source>Intermediate results (activations forward, errors back): %1 MB, %2 % of all; parameters: %3 MB.</source>
        <translation>中间结果（向前的激活值、向后的误差）：%1 MB，占全部的 %2 %；参数：%3 MB。</translation>
    </message>
    <message>
        <source>Each process&apos;s intermediate results: activations (strong line) and errors (faint line) it sends</source>
        <translation>每个进程发送的中间结果：激活值（深色线）与误差（浅色线）</translation>
    </message>
    <message>
        <source>Each worker&apos;s ring all-reduce chunks to the next worker (strong line) and the parameters worker 0 sends for testing (faint line)</source>
        <translation>每个工作节点发给下一个工作节点的环形 All-Reduce 数据块（粗线），以及工作节点 0 为测试发送的参数（细线）</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>工作节点</translation>
    </message>
    <message>
        <source>RING count</source>
        <translation>环形传递次数</translation>
    </message>
    <message>
        <source>RING MB</source>
        <translation>环形传递 MB</translation>
    </message>
    <message>
        <source>KB per chunk</source>
        <translation>每块 KB</translation>
    </message>
    <message>
        <source>RING (gradient chunks to the next worker)</source>
        <translation>RING（发给下一个工作节点的梯度块）</translation>
    </message>
    <message>
        <source>Ring all-reduce: %1 MB of gradient chunks, %2 MB per worker; no link carries everyone&apos;s gradients, as a parameter server&apos;s does.</source>
        <translation>环形 All-Reduce：梯度块共 %1 MB，每个工作节点 %2 MB；没有哪条链路像参数服务器的链路那样承载所有人的梯度。</translation>
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
    <message>
        <source>Worker %1 training loss</source>
        <translation>工作节点 %1 训练损失</translation>
    </message>
    <message>
        <source>Training loss (raw)</source>
        <translation>训练损失（原始）</translation>
    </message>
    <message>
        <source>Test loss (raw)</source>
        <translation>测试损失（原始）</translation>
    </message>
    <message>
        <source>Earlier run</source>
        <translation>先前的运行</translation>
    </message>
    <message>
        <source>%1: test loss</source>
        <translation>%1：测试损失</translation>
    </message>
    <message>
        <source>%1: test accuracy</source>
        <translation>%1：测试准确率</translation>
    </message>
    <message>
        <source>Wall time (s)</source>
        <translation>耗时（秒）</translation>
    </message>
    <message>
        <source>Loss (log scale)</source>
        <translation>损失（对数坐标）</translation>
    </message>
    <message>
        <source>Against epoch</source>
        <translation>按轮次</translation>
    </message>
    <message>
        <source>Against wall time</source>
        <translation>按耗时</translation>
    </message>
    <message>
        <source>Plot against training epochs or against seconds since the start</source>
        <translation>以训练轮次或自开始以来的秒数为横轴</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>Exponential moving average of the curves; the raw curve stays faint behind</source>
        <translation>曲线的指数移动平均；原始曲线以淡色留在后面</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>Losses on a logarithmic axis</source>
        <translation>损失使用对数坐标轴</translation>
    </message>
    <message>
        <source>Clear comparison</source>
        <translation>清除对比</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>通信轮次</translation>
    </message>
    <message>
        <source>Against round</source>
        <translation>按通信轮次</translation>
    </message>
    <message>
        <source>Privacy spent ε (δ = %1)</source>
        <translation>已花费的隐私预算 ε（δ = %1）</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>Take the other runs&apos; curves off the chart (untick them in the Runs panel)</source>
        <translation>从图上移除其他运行的曲线（在“运行记录”面板中取消勾选）</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::VerdictGrid</name>
    <message>
        <source>Worker %1</source>
        <translation>工作节点 %1</translation>
    </message>
    <message>
        <source>Rounds 1 to %1 from left to right</source>
        <translation>从左到右为第 1 到第 %1 轮</translation>
    </message>
    <message>
        <source>Client %1</source>
        <translation>客户端 %1</translation>
    </message>
</context>
</TS>
